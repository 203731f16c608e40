package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
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
		return planMerge(ctx, env, merge.ForPlan(mergeWiring(env, r, policy, opts.Severity)), pr, opts.Report)
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

// mergeDeps wires the merge handling for a PR (merge.New), with the repository's postmortem
// template from the base branch.
func mergeDeps(ctx context.Context, env *Env, r remote, policy config.Policy, pr *github.PullRequest, severity string) (merge.Deps, error) {
	w := mergeWiring(env, r, policy, severity)
	var err error
	if w.Template, err = r.template(ctx, policy.Postmortem.Template, pr.GetBase().GetRef()); err != nil {
		return merge.Deps{}, err
	}
	return merge.New(ctx, w, pr)
}

// mergeWiring is what the run has for the merge handling.
func mergeWiring(env *Env, r remote, policy config.Policy, severity string) merge.Wiring {
	return merge.Wiring{Client: r.client, Owner: r.owner, Name: r.name, Policy: policy, Severity: severity, Now: env.Now, Who: r.who}
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
