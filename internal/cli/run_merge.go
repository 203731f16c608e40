package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// runMerge handles a merged hotfix PR: the policy from the base branch through the API, then
// the tag, the backports and the postmortem.
func runMerge(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	pr, ok := t.MergedPR()
	if !ok {
		return errors.New("the merge route needs a merged pull request in the payload")
	}
	if opts.DryRun && !hasToken(env) {
		fmt.Fprintf(env.Stdout, "would tag %.12s, open the backports and the postmortem for #%d (with no token, the plan can't be read)\n", pr.GetMergeCommitSHA(), pr.GetNumber())
		return nil
	}
	r, err := opts.GitHub.get(ctx)
	if err != nil {
		return err
	}
	policy, source, err := readPolicy(ctx, opts.Policies, pr.GetBase().GetRef())
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "policy for the merge: %s\n", source)
	if opts.DryRun {
		return planMerge(ctx, env, planDeps(env, r, policy, opts.Severity), pr, opts.Report)
	}
	d, err := mergeDeps(ctx, env, r, policy, pr, opts.Severity)
	if err != nil {
		return err
	}
	res, handleErr := merge.Handle(ctx, d, pr)
	if opts.Report != nil {
		opts.Report.Result = &res
	}
	res.WriteText(env.Stdout, pr)
	rn := env.runner()
	if err := errors.Join(rn.Summary(res.Markdown(pr)), setOutputs(rn, "run", res.Outputs())); err != nil {
		return errors.Join(handleErr, err)
	}
	return handleErr
}

// mergeDeps wires the merge handling for a PR: the repository's postmortem template from the
// base branch, the clock, the tagger, and the incident log's identity when the PR names one.
func mergeDeps(ctx context.Context, env *Env, r remote, policy config.Policy, pr *github.PullRequest, severity string) (merge.Deps, error) {
	tmpl, err := r.template(ctx, policy.Postmortem.Template, pr.GetBase().GetRef())
	if err != nil {
		return merge.Deps{}, err
	}
	d := merge.Deps{Client: r.client, Owner: r.owner, Name: r.name, Policy: policy, Template: tmpl,
		Severity: severity, Now: env.Now, Sleep: sleepCtx,
		Tagger: release.DefaultTagger, Author: r.who.Author(policy.Incident.Identity)}
	d.Tagger.Now = env.Now
	if incident.Ref(pr.GetBody()) > 0 {
		if d.Identity, err = logIdentity(ctx, r, policy, env); err != nil {
			return merge.Deps{}, err
		}
	}
	return d, nil
}

// planDeps wires the merge's plan for a dry run: the toolkit's login only when it is known
// without asking GitHub (the viewer query is a POST, and a dry run sends only GETs).
func planDeps(env *Env, r remote, policy config.Policy, severity string) merge.Deps {
	d := merge.Deps{Client: r.client, Owner: r.owner, Name: r.name, Policy: policy, Severity: severity, Now: env.Now}
	d.Identity, _ = r.who.Known(policy.Incident.Identity)
	return d
}

// sleepCtx waits for d, or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// planMerge decides what the merge would do, from GET requests only, and prints the plan: in the
// JSON document under --json, else for people.
func planMerge(ctx context.Context, env *Env, d merge.Deps, pr *github.PullRequest, doc *runReport) error {
	plan, err := d.Plan(ctx, pr)
	if err != nil {
		return fmt.Errorf("plan the merge of #%d: %w", pr.GetNumber(), err)
	}
	if doc != nil {
		doc.Plan = &plan
	}
	plan.WriteText(env.Stdout)
	return nil
}
