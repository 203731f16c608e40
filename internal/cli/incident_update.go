package cli

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
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
	line := incident.UpdateLine(number, got)
	if err := runner.New(env.Getenv, env.Stdout).Summary(incident.UpdateSummary(number, t.IssueComment.GetIssue().GetHTMLURL(), got)); err != nil {
		return err
	}
	if pm := got.Postmortem; pm != nil {
		line += fmt.Sprintf("; postmortem #%d %s %s", pm.Number, incident.PostmortemWord(*pm), pm.URL)
	}
	return c.print(env, got, line)
}
