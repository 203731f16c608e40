package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
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

// prepare connects, finds the merged PR (from --pr, else the event payload), and wires the merge
// handling with the policy from the PR's base branch.
func (f *stepFlags) prepare(ctx context.Context, env *Env) (merge.Deps, *github.PullRequest, error) {
	r, err := f.remote.connect(ctx, env)
	if err != nil {
		return merge.Deps{}, nil, err
	}
	pr, err := f.pullRequest(ctx, env, r)
	if err != nil {
		return merge.Deps{}, nil, err
	}
	policy, _, err := readPolicy(ctx, r.policies(), pr.GetBase().GetRef())
	if err != nil {
		return merge.Deps{}, nil, err
	}
	w := merge.Wiring{Client: r.client, Owner: r.owner, Name: r.name, Policy: policy, Severity: f.severity, Now: env.Now, Who: r.who}
	d, err := merge.Open(ctx, w, pr)
	if errors.Is(err, postmortem.ErrNoTemplate) {
		return d, pr, Usage(err)
	}
	return d, pr, err
}

// pullRequest reads the PR that --pr names, or takes the merged PR from the event payload.
func (f *stepFlags) pullRequest(ctx context.Context, env *Env, r remote) (*github.PullRequest, error) {
	if f.pr < 0 {
		return nil, Usage(fmt.Errorf("--pr %d is not a pull request number", f.pr))
	}
	if f.pr > 0 {
		pr, _, err := r.client.PullRequests.Get(ctx, r.owner, r.name, f.pr)
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

// report prints a step's result, for people or as JSON, and sets command's outputs.
func (f *stepFlags) report(env *Env, command string, pr *github.PullRequest, res merge.Result, runErr error) error {
	if f.json {
		if err := writeJSON(env.Stdout, res); err != nil {
			return errors.Join(runErr, err)
		}
	} else {
		res.WriteText(env.Stdout, pr)
	}
	rn := env.runner()
	values := map[string]string{}
	for _, name := range Outputs(command) {
		values[name] = res.Outputs()[name]
	}
	return errors.Join(runErr, rn.Summary(res.Markdown(pr)), setOutputs(rn, command, values))
}
