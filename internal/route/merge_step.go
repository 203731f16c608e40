package route

import (
	"context"
	"errors"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/exit"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// The merge's steps that run by hand, as `hotfix backport` and `hotfix postmortem`.
const (
	BackportStep   = "backport"
	PostmortemStep = "postmortem"
)

// MergeStep runs one step of the merge of pr by hand (BackportStep or PostmortemStep), under the
// policy of its base branch and with its postmortem template, and prints the result: as JSON
// with asJSON, else for people, with the step's outputs and the summary.
func (r Run) MergeStep(ctx context.Context, step string, pr *github.PullRequest, asJSON bool) error {
	repo, err := r.GitHub(ctx)
	if err != nil {
		return err
	}
	policy, _, err := r.ReadPolicy(ctx, pr.GetBase().GetRef())
	if err != nil {
		return err
	}
	w := merge.Wiring{Client: repo.Client, Owner: repo.Owner, Name: repo.Name, Policy: policy, Severity: r.Severity, Now: r.Now, Who: repo.Who}
	d, err := merge.Open(ctx, w, pr)
	if err != nil {
		return r.templateError(err)
	}
	do := d.Backport
	if step == PostmortemStep {
		do = d.Postmortem
	}
	res, err := do(ctx, pr)
	return r.reportStep(step, pr, res, err, asJSON)
}

// IncidentPostmortem opens the postmortem of incident number, which has no hotfix PR, from its
// log alone, under the policy of the default branch and with its template.
func (r Run) IncidentPostmortem(ctx context.Context, number int, asJSON bool) error {
	repo, err := r.GitHub(ctx)
	if err != nil {
		return err
	}
	branch, err := gh.DefaultBranch(ctx, repo.Client, repo.Owner, repo.Name)
	if err != nil {
		return err
	}
	policy, _, err := r.ReadPolicy(ctx, branch)
	if err != nil {
		return err
	}
	d := merge.Deps{Client: repo.Client, Owner: repo.Owner, Name: repo.Name, Policy: policy, Now: r.Now}
	pm := postmortem.Repo{Owner: repo.Owner, Name: repo.Name}
	if d.Template, err = postmortem.ReadTemplate(ctx, repo.Client, pm, policy.Postmortem.Template, branch); err != nil {
		return r.templateError(err)
	}
	if d.Identity, err = repo.Who.Login(ctx, policy.Incident.Identity); err != nil {
		return err
	}
	res, err := d.IncidentPostmortem(ctx, number)
	return r.reportStep(PostmortemStep, nil, res, err, asJSON)
}

// templateError marks a postmortem template the branch lacks as the input's fault.
func (r Run) templateError(err error) error {
	if errors.Is(err, postmortem.ErrNoTemplate) {
		return exit.Usage(err)
	}
	return err
}

// reportStep prints a step's result, for people or as JSON, and sets the step's outputs and the
// summary; runErr is the step's own error, returned with them.
func (r Run) reportStep(step string, pr *github.PullRequest, res merge.Result, runErr error, asJSON bool) error {
	if asJSON {
		if err := runner.WriteJSON(r.Out, res); err != nil {
			return errors.Join(runErr, err)
		}
	} else {
		res.WriteText(r.Out, pr)
	}
	values := map[string]string{}
	for _, name := range r.Outputs(step) {
		values[name] = res.Outputs()[name]
	}
	return errors.Join(runErr, r.Runner.Summary(res.Markdown(pr)), r.Runner.SetOutputs(step, r.Outputs(step), values))
}
