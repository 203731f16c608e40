package route

import (
	"context"
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/exit"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// runIncident is the entry point of an incident route: declare, with the severity input, or
// update.
func runIncident(sub event.Kind) handler {
	return func(ctx context.Context, r Run) error {
		if r.DryRun {
			fmt.Fprintf(r.Out, "would run hotfix incident %s\n", sub)
			return nil
		}
		if sub == event.Declare {
			return r.Declare(ctx, incident.Given{Declaration: incident.Declaration{Severity: r.Severity}}, false)
		}
		return r.Update(ctx, false)
	}
}

// Declare opens the incident: given (the flags of `hotfix incident declare`), else the dispatch
// inputs and the runner's variables, checked first (incident.DeclarationFrom). It prints the
// incident, as JSON with asJSON.
func (r Run) Declare(ctx context.Context, given incident.Given, asJSON bool) error {
	s, err := r.incidentStep(ctx)
	if err != nil {
		return err
	}
	t := r.Trigger
	d, err := incident.DeclarationFrom(given, t.Inputs, t.Actor, t.RunID, s.Options.Scale, r.Now().UTC())
	if err != nil {
		return exit.Usage(err)
	}
	got, err := s.Declare(ctx, d)
	if err != nil {
		return err
	}
	return show(r.Out, asJSON, got, got.Line())
}

// Update applies the /command in the comment that started the run, and prints what became of
// it, as JSON with asJSON.
func (r Run) Update(ctx context.Context, asJSON bool) error {
	s, err := r.incidentStep(ctx)
	if err != nil {
		return err
	}
	comment, ok := r.Trigger.IncidentCommand(s.Options.Label)
	if !ok {
		return exit.Usage(fmt.Errorf("hotfix incident update runs on an issue_comment created on an issue labelled %s, whose body starts with /", s.Options.Label))
	}
	issue := r.Trigger.IssueComment.GetIssue()
	got, err := s.Update(ctx, issue.GetNumber(), issue.GetHTMLURL(), comment)
	if err != nil {
		return err
	}
	return show(r.Out, asJSON, got, got.Line(issue.GetNumber()))
}

// incidentStep reads the policy from the default branch (the one the payload names, else the
// repository's), and wires the incident commands' step: the options with the log's identity,
// and the webhook, masked.
func (r Run) incidentStep(ctx context.Context) (incident.Step, error) {
	repo, err := r.GitHub(ctx)
	if err != nil {
		return incident.Step{}, err
	}
	branch := r.Trigger.BaseRef()
	if branch == "" {
		if branch, err = gh.DefaultBranch(ctx, repo.Client, repo.Owner, repo.Name); err != nil {
			return incident.Step{}, err
		}
	}
	p, _, err := r.ReadPolicy(ctx, branch)
	if err != nil {
		return incident.Step{}, err
	}
	opts, err := r.incidentOptions(ctx, repo, p)
	if r.Webhook.Enabled() {
		r.Runner.Mask(r.Webhook.URL)
	}
	return incident.Step{Client: repo.Client, Repo: incident.Repo{Owner: repo.Owner, Name: repo.Name}, Options: opts, Runner: r.Runner,
		Webhook: r.Webhook, Warn: r.Warn}, err
}

// incidentOptions are the incident package's options from the policy, with the login the
// toolkit writes the log as (the policy's incident.identity, else the identity input, else
// GitHub's GraphQL viewer, asked once per run) and the policy's deploy workflow for /rollback.
func (r Run) incidentOptions(ctx context.Context, repo Repo, p config.Policy) (incident.Options, error) {
	id, err := repo.Who.Login(ctx, p.Incident.Identity)
	o := incident.OptionsFor(p, id, r.Now)
	return deploy.ForIncident(o, repo.Client, deploy.Repo{Owner: repo.Owner, Name: repo.Name}, p), err
}

// show prints a result: as JSON with asJSON, else the line given.
func show(w io.Writer, asJSON bool, v any, line string) error {
	if !asJSON {
		_, err := fmt.Fprintln(w, line)
		return err
	}
	return runner.WriteJSON(w, v)
}
