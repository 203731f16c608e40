package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
)

// stepFlags are the options of the merge's steps run on their own: backport and postmortem.
type stepFlags struct {
	remote   remoteFlags
	pr       int
	severity string
	json     bool
}

func (f *stepFlags) bind(fs *flag.FlagSet) {
	f.remote.bind(fs)
	fs.IntVar(&f.pr, "pr", 0, "the merged hotfix pull request `number` (default: the one in the event payload)")
	fs.StringVar(&f.severity, "severity", "", "the incident `severity` (P0..P3), when the PR has no severity/P* label")
	fs.BoolVar(&f.json, "json", false, "print the result as JSON")
}

// run connects, finds the merged PR (from --pr, else the event payload), and runs the merge's
// step on it (route.Run.MergeStep).
func (f *stepFlags) run(ctx context.Context, env *Env, step string) error {
	r, err := f.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	pr, err := f.pullRequest(ctx, env, r)
	if err != nil {
		return err
	}
	run := env.routed(event.Trigger{}, r)
	run.Severity = f.severity
	return run.MergeStep(ctx, step, pr, f.json)
}

// pullRequest reads the PR that --pr names, or takes the merged PR from the event payload.
func (f *stepFlags) pullRequest(ctx context.Context, env *Env, r route.Repo) (*github.PullRequest, error) {
	if f.pr < 0 {
		return nil, Usage(fmt.Errorf("--pr %d is not a pull request number", f.pr))
	}
	if f.pr > 0 {
		pr, _, err := r.Client.PullRequests.Get(ctx, r.Owner, r.Name, f.pr)
		if err != nil {
			return nil, fmt.Errorf("read #%d: %w", f.pr, err)
		}
		return pr, nil
	}
	t, err := env.loadEvent()
	if err != nil {
		return nil, Usage(fmt.Errorf("no --pr, and no event to take the PR from: %w", err))
	}
	pr, ok := t.MergedPR()
	if !ok {
		return nil, Usage(fmt.Errorf("no --pr, and the %s event carries no merged pull request", t.Name))
	}
	return pr, nil
}
