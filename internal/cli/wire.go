package cli

import (
	"context"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/notify"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
)

// run wires the run's one value (route.Run) for trigger t: the GitHub connection, the policy
// read through policies, and what env gives, the log, the runner, the clock and the webhook.
func (e *Env) run(t event.Trigger, github func(context.Context) (route.Repo, error), policies *config.Resolver) route.Run {
	return route.Run{
		Trigger: t, GitHub: github, Token: hasToken(e), RefName: e.Getenv("GITHUB_REF_NAME"),
		ReadPolicy: func(ctx context.Context, base string) (config.Policy, config.Source, error) {
			return readPolicy(ctx, policies, base)
		},
		Out: e.Stdout, Log: e.log(), Runner: e.runner(), Now: e.Now, Warn: func(msg string) { warn(e, msg) },
		Webhook: notify.Webhook{URL: strings.TrimSpace(e.Getenv("INPUT_NOTIFY_WEBHOOK"))},
		Outputs: Outputs,
	}
}

// routed is the run's one value for a command that is a route run by hand, on a connection
// already made.
func (e *Env) routed(t event.Trigger, r route.Repo) route.Run {
	return e.run(t, func(context.Context) (route.Repo, error) { return r, nil }, apiPolicies(r))
}
