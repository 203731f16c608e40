package route

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/exit"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/localguard"
	"github.com/incident-hotfix/incident-hotfix/internal/prguard"
)

// runGuard checks a push to, or a pull request from, a hotfix branch. With a token it works on
// GitHub: the policy from the base branch and the change set through the API, then a commit
// status, the PR comment, annotations and the step summary. Without one it checks the checkout
// (localguard.Run), and says that nothing is written to GitHub.
func runGuard(ctx context.Context, r Run) error {
	if !r.Token {
		fmt.Fprintln(r.Out, "guard: no GitHub token, so the checkout is checked and no commit status or PR comment is written")
		c := localguard.Check{Dir: r.Checkout, Severity: r.Severity}
		c.Base, c.Head = r.Trigger.GuardRange(r.Policy.Branches.Production)
		if err := c.Validate(); err != nil {
			return exit.Usage(err)
		}
		return localguard.Run(ctx, c, localguard.Env{ReadPolicy: r.ReadPolicy, Out: r.Out, Runner: r.Runner})
	}
	return runGitHubGuard(ctx, r)
}

// runGitHubGuard is the guard on GitHub: load, decide, apply the writes, report.
func runGitHubGuard(ctx context.Context, r Run) error {
	t := r.Trigger
	production := cmp.Or(strings.TrimSpace(r.Policy.Branches.Production), config.Default().Branches.Production)
	target, err := prguard.TargetOf(t.PullRequest.GetPullRequest(), t.Push.GetAfter(), production)
	if err != nil {
		return exit.Usage(err)
	}
	repo, err := r.GitHub(ctx)
	if err != nil {
		return err
	}
	g := prguard.Repo{Client: repo.Client, Owner: repo.Owner, Name: repo.Name}
	if err := target.MeasureFrom(ctx, g, r.Policy.Branches.Release, r.Out); err != nil {
		return fmt.Errorf("guard: %w", gh.Explain(err))
	}
	policy, source, err := r.ReadPolicy(ctx, target.Base)
	if err != nil {
		return err
	}
	severity, err := prguard.SeverityOf(r.Severity, target.PR)
	if err != nil {
		return exit.Usage(err)
	}
	out, err := prguard.Evaluate(ctx, g, prguard.Evaluation{Target: target, Policy: policy.Guard, Source: source.String(), Severity: severity,
		Action: t.PullRequest.GetAction(), ActionLabel: t.PullRequest.GetLabel().GetName(), Author: repo.Who.Author(policy.Incident.Identity)})
	if err != nil {
		return err
	}
	notes, err := prguard.Publish(ctx, g, target, out, prguard.PublishOptions{DryRun: r.DryRun, Fork: t.Fork, RunURL: t.RunURL(),
		Author: repo.Who.Author(policy.Incident.Identity)})
	return errors.Join(err, r.reportGuard(out, notes))
}

// reportGuard prints the result, annotates, writes the step summary and the outputs, as the
// local guard does, and adds the override and the writes to the summary.
func (r Run) reportGuard(o prguard.Outcome, notes []prguard.Note) error {
	res := o.Shown()
	err := guard.Report(r.Out, r.Runner, res, o.Heading, false)
	if err == nil && res.Verdict == guard.Fail {
		err = exit.ErrCheckFailed
	}
	return errors.Join(err, prguard.ReportNotes(r.Out, r.Runner, r.Warn, o, notes))
}
