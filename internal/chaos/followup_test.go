//go:build e2e

package chaos

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// actionLabel is the default action-item label.
const actionLabel = "postmortem-action"

// itemTitles are the action items a person files, the first of which gets closed.
var itemTitles = []string{"Add a pool saturation alarm", "Load-test the login path"}

// actionItems files two action items on the postmortem, each labelled by a person, runs the
// labeled workflow for each, closes the first and runs the closed workflow, then a sync.
func (l *life) actionItems(t testing.TB) {
	t.Helper()
	for i, title := range itemTitles {
		body := fmt.Sprintf("Postmortem: #%d", l.postmortem)
		if i == 0 {
			body += "\nDue: 2030-01-15"
		}
		is := l.fileItem(t, title, body)
		path := payload(t, "issues.labeled.action-item", map[string]any{"issue": is, "label": &github.Label{Name: github.String(actionLabel)}})
		l.green(t, l.job("labeled "+title, "issues", path), "run")
	}
	closed := l.closeItem(t, l.items[0])
	path := payload(t, "issues.closed.action-item", map[string]any{"issue": closed})
	l.green(t, l.job("closed", "issues", path), "run")
	path = payload(t, "workflow_dispatch", nil)
	l.green(t, l.job("sync", "workflow_dispatch", path), "action-items", "--postmortem", strconv.Itoa(l.postmortem), "sync")
}

// fileItem opens an issue and labels it as an action item, as a person does, and returns it as
// the labeled event carries it.
func (l *life) fileItem(t testing.TB, title, body string) *github.Issue {
	t.Helper()
	ctx, c := context.Background(), l.w.As(person)
	is, _, err := c.Issues.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.IssueRequest{Title: &title, Body: &body})
	if err != nil {
		t.Fatalf("file action item %q: %v", title, err)
	}
	if _, _, err := c.Issues.AddLabelsToIssue(ctx, sandboxtest.Owner, sandboxtest.Name, is.GetNumber(), []string{actionLabel}); err != nil {
		t.Fatalf("label #%d: %v", is.GetNumber(), err)
	}
	l.items = append(l.items, is.GetNumber())
	return l.issue(t, is.GetNumber())
}

// closeItem closes issue n as completed, as a person does.
func (l *life) closeItem(t testing.TB, n int) *github.Issue {
	t.Helper()
	is, _, err := l.w.As(person).Issues.Edit(context.Background(), sandboxtest.Owner, sandboxtest.Name, n,
		&github.IssueRequest{State: github.String("closed"), StateReason: github.String("completed")})
	if err != nil {
		t.Fatalf("close #%d: %v", n, err)
	}
	return is
}

// command posts body as a comment on the incident, as a person does, and runs the comment's
// workflow.
func (l *life) command(t testing.TB, body string) {
	t.Helper()
	l.green(t, l.commandJob(t, body), "run")
}

// commandJob posts body as a comment on the incident, as a person does, and returns the
// comment's workflow run.
func (l *life) commandJob(t testing.TB, body string) job {
	t.Helper()
	cm, _, err := l.w.As(person).Issues.CreateComment(context.Background(), sandboxtest.Owner, sandboxtest.Name, l.incident, &github.IssueComment{Body: &body})
	if err != nil {
		t.Fatalf("comment %q: %v", body, err)
	}
	path := payload(t, "issue_comment.created.incident", map[string]any{"issue": l.issue(t, l.incident), "comment": cm, "sender": cm.GetUser()})
	return l.job(body, "issue_comment", path)
}

// issue reads issue n through the fault-free door.
func (l *life) issue(t testing.TB, n int) *github.Issue {
	t.Helper()
	is, _, err := l.w.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, n)
	if err != nil {
		t.Fatalf("read #%d: %v", n, err)
	}
	return is
}
