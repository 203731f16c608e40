package cli

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// update applies the /command in the comment that started the run.
func (c *incidentCmd) update(ctx context.Context, env *Env, t event.Trigger, s incidentSession) error {
	comment, ok := t.IncidentCommand(s.opts.Label)
	if !ok {
		return Usage(fmt.Errorf("hotfix incident update runs on an issue_comment created on an issue labelled %s, whose body starts with /", s.opts.Label))
	}
	number := t.IssueComment.GetIssue().GetNumber()
	repo := incident.Repo{Owner: s.remote.owner, Name: s.remote.name}
	got, err := incident.Handle(ctx, s.remote.client, repo, number, comment, s.opts)
	if err != nil {
		return err
	}
	if got.Outcome == incident.Applied {
		s.notifyText(ctx, env, incident.Notice(got.Record, got.Entry, t.IssueComment.GetIssue().GetHTMLURL()))
	}
	line := updateLine(number, got)
	if err := runner.New(env.Getenv, env.Stdout).Summary(updateSummary(number, t.IssueComment.GetIssue().GetHTMLURL(), got)); err != nil {
		return err
	}
	if pm := got.Postmortem; pm != nil {
		line += fmt.Sprintf("; postmortem #%d %s %s", pm.Number, postmortemWord(*pm), pm.URL)
	}
	return c.print(env, got, line)
}

// postmortemWord says what /resolve did to the postmortem.
func postmortemWord(pm postmortem.Result) string {
	switch {
	case pm.Created:
		return "opened"
	case pm.Refreshed:
		return "refreshed with the final timeline"
	default:
		return "already up to date"
	}
}

// updateLine says what became of the command, and why when it was refused or invalid.
func updateLine(number int, got incident.Handled) string {
	line := fmt.Sprintf("incident #%d: %s", number, got.Outcome)
	if got.Type != "" {
		line += " " + got.Type
	}
	if got.Reason != "" {
		line += ": " + got.Reason
	}
	return line
}
