package route

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
)

// runMerge handles a merged hotfix PR: the policy from the base branch, then the tag, the
// backports and the postmortem; a dry run prints the plan instead, from GET requests only.
func runMerge(ctx context.Context, r Run) error {
	pr, ok := r.Trigger.MergedPR()
	if !ok {
		return errors.New("the merge route needs a merged pull request in the payload")
	}
	if r.DryRun && !r.Token {
		fmt.Fprintf(r.Out, "would tag %.12s, open the backports and the postmortem for #%d (with no token, the plan can't be read)\n", pr.GetMergeCommitSHA(), pr.GetNumber())
		return nil
	}
	repo, err := r.GitHub(ctx)
	if err != nil {
		return err
	}
	policy, source, err := r.ReadPolicy(ctx, pr.GetBase().GetRef())
	if err != nil {
		return err
	}
	fmt.Fprintf(r.Out, "policy for the merge: %s\n", source)
	w := merge.Wiring{Client: repo.Client, Owner: repo.Owner, Name: repo.Name, Policy: policy, Severity: r.Severity, Now: r.Now, Who: repo.Who}
	if r.DryRun {
		return r.planMerge(ctx, merge.ForPlan(w), pr)
	}
	d, err := merge.Open(ctx, w, pr)
	if err != nil {
		return r.templateError(err)
	}
	return r.handleMerge(ctx, d, pr)
}

// handleMerge tags, opens the backports and the postmortem (merge.Handle), and reports it.
func (r Run) handleMerge(ctx context.Context, d merge.Deps, pr *github.PullRequest) error {
	res, handleErr := merge.Handle(ctx, d, pr)
	if r.Report != nil {
		r.Report.Result = &res
	}
	res.WriteText(r.Out, pr)
	if err := errors.Join(r.Runner.Summary(res.Markdown(pr)), r.Runner.SetOutputs("run", r.Outputs("run"), res.Outputs())); err != nil {
		return errors.Join(handleErr, err)
	}
	return handleErr
}

// planMerge decides what the merge would do and prints the plan: in the JSON document under
// --json, else for people.
func (r Run) planMerge(ctx context.Context, d merge.Deps, pr *github.PullRequest) error {
	plan, err := d.Plan(ctx, pr)
	if err != nil {
		return fmt.Errorf("plan the merge of #%d: %w", pr.GetNumber(), err)
	}
	if r.Report != nil {
		r.Report.Plan = &plan
	}
	plan.WriteText(r.Out)
	return nil
}
