package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// runCmd is the one entry an action needs: it loads the event that started the workflow, routes
// it, and runs the commands the route names. An event the toolkit does not handle is a no-op.
type runCmd struct {
	dryRun, json                 bool
	repo, config, only, severity string
}

func (*runCmd) Name() string { return "run" }
func (*runCmd) Synopsis() string {
	return "handle the GitHub event that started the workflow with the commands it calls for"
}

func (c *runCmd) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.dryRun, "dry-run", false, "print the route and what each command would do (a merge's plan), and write nothing")
	fs.BoolVar(&c.json, "json", false, "print the event, the route and the merge's plan or result as one JSON document; the log goes to stderr")
	fs.StringVar(&c.repo, "repo", ".", "the git checkout `dir`, for the policy and the guard")
	fs.StringVar(&c.config, "config", "", "read the policy from this `file` instead of the base branch's "+config.DefaultPath)
	fs.StringVar(&c.only, "only", "", "handle only events of this route `kind` (guard, merge, declare, update, action-items or remind); others are a no-op")
	fs.StringVar(&c.severity, "severity", "", "the hotfix's `severity` (P0 to P3) for the guard's limits and the merge, when its PR has no severity/P* label")
}

func (c *runCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; run takes the event from GITHUB_EVENT_NAME and GITHUB_EVENT_PATH", args[0]))
	}
	if _, err := event.Only(event.Decision{Kind: event.None}, c.only); err != nil {
		return Usage(err)
	}
	t, err := env.loadEvent()
	if err != nil {
		return Usage(err)
	}
	if c.json {
		run := c.options(logToStderr(env), t)
		run.Report = &route.Report{Event: t.Name, Repository: t.Repo.String(), DryRun: c.dryRun, Route: event.None}
		err := run.Route(ctx, c.only, c.config != "")
		return errors.Join(err, runner.WriteJSON(env.Stdout, run.Report))
	}
	return c.options(env, t).Route(ctx, c.only, c.config != "")
}

// options builds the run's one value: the trigger's connection to GitHub, made on first use,
// and the one policy resolver that every command of the run reads its policy from.
func (c *runCmd) options(env *Env, t event.Trigger) route.Run {
	conn := &connection{flags: remoteFlags{repository: t.Repo.String(), apiURL: t.APIURL}, env: env}
	var remote config.RemoteFile
	if hasToken(env) {
		remote = conn.file
	}
	run := env.run(t, conn.get, checkoutPolicies(env, c.config, c.repo, remote))
	run.DryRun, run.Severity, run.Checkout = c.dryRun, c.severity, env.Path(c.repo)
	return run
}

// logToStderr is env with the log and the workflow commands sent to stderr, so that stdout
// carries only the JSON document; the runner reads workflow commands from both.
func logToStderr(env *Env) *Env {
	e := *env
	e.Stdout = env.Stderr
	return &e
}

// hasToken reports whether the run has a GitHub token.
func hasToken(env *Env) bool {
	return env.token() != ""
}
