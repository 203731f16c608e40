package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

// runGuard checks a push to, or a pull request from, a hotfix branch. With a token it works on
// GitHub: the policy from the base branch and the change set through the API, then a commit
// status, the PR comment, annotations and the step summary. Without one it checks the checkout,
// and says that nothing is written to GitHub.
func runGuard(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	if !hasToken(env) {
		fmt.Fprintln(env.Stdout, "guard: no GitHub token, so the checkout is checked and no commit status or PR comment is written")
		return runLocalGuard(ctx, env, t, opts)
	}
	return runGitHubGuard(ctx, env, t, opts)
}

// runGitHubGuard is the guard on GitHub: load, decide, apply the writes, report.
func runGitHubGuard(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	production := firstSet(opts.Policy.Branches.Production, config.Default().Branches.Production)
	target, err := guard.TargetOf(t.PullRequest.GetPullRequest(), t.Push.GetAfter(), production)
	if err != nil {
		return Usage(err)
	}
	r, err := opts.GitHub.get(ctx)
	if err != nil {
		return err
	}
	repo := guard.Repo{Client: r.client, Owner: r.owner, Name: r.name}
	if err := target.MeasureFrom(ctx, repo, opts.Policy.Branches.Release, env.Stdout); err != nil {
		return fmt.Errorf("guard: %w", gh.Explain(err))
	}
	policy, source, err := readPolicy(ctx, opts.Policies, target.Base)
	if err != nil {
		return err
	}
	severity, err := guard.SeverityOf(opts.Severity, target.PR)
	if err != nil {
		return Usage(err)
	}
	out, err := guard.Evaluate(ctx, repo, guard.Evaluation{Target: target, Policy: policy.Guard, Source: source.String(), Severity: severity,
		Action: t.PullRequest.GetAction(), ActionLabel: t.PullRequest.GetLabel().GetName(), Author: r.who.Author(policy.Incident.Identity)})
	if err != nil {
		return err
	}
	notes, err := guard.Publish(ctx, repo, target, out, guard.PublishOptions{DryRun: opts.DryRun, Fork: t.Fork, RunURL: runURL(t),
		Author: r.who.Author(policy.Incident.Identity)})
	return errors.Join(err, reportOutcome(env, out, notes))
}

// runURL is the workflow run's page, or "" outside a run.
func runURL(t event.Trigger) string {
	if t.RunID == 0 {
		return ""
	}
	return fmt.Sprintf("%s/%s/actions/runs/%d", t.ServerURL, t.Repo, t.RunID)
}

// reportOutcome prints the result, annotates, writes the step summary and the outputs, as the
// local guard does, and adds the override and the writes to the summary.
func reportOutcome(env *Env, o guard.Outcome, notes []guard.Note) error {
	err := (&guardCmd{}).report(env, o.Shown(), o.Heading)
	return errors.Join(err, guard.ReportNotes(env.Stdout, env.runner(), func(msg string) { warn(env, msg) }, o, notes))
}
