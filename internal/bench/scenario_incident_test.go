package bench

import (
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// declareRun declares a P1 incident, with or without its hotfix branch.
func declareRun(createBranch bool) func(testing.TB) map[string]int {
	return func(tb testing.TB) map[string]int {
		s := sandboxtest.Start(tb, sandboxtest.Options{})
		return mustRun(tb, s, "workflow_dispatch", declarePayload(tb, createBranch), "run").routes
	}
}

// commentRun gives one command in a comment on a declared incident.
func commentRun(body string) func(testing.TB) map[string]int {
	return func(tb testing.TB) map[string]int {
		s := sandboxtest.Start(tb, sandboxtest.Options{})
		mustRun(tb, s, "workflow_dispatch", declarePayload(tb, false), "run")
		return mustRun(tb, s, "issue_comment", comment(tb, s, 1, body), "run").routes
	}
}

// clock is a time a test moves, read by the sandbox and the commands.
type clock struct {
	mu sync.Mutex
	at time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.at }

func (c *clock) set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.at = t }

// followups is a sandbox on a movable clock with a P1 incident (#1), its postmortem (#2) and two
// action items (#3 due soon, #4 with the severity's default), the way the follow-up commands
// find them.
func followups(tb testing.TB) (*sandboxtest.Sandbox, *clock) {
	tb.Helper()
	c := &clock{at: time.Date(2025, 12, 20, 10, 0, 0, 0, time.UTC)}
	s := sandboxtest.Start(tb, sandboxtest.Options{Clock: c.now})
	inc := issue(tb, s, "[P1] Checkout fails", "", "incident").GetNumber()
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	for _, e := range []incident.Entry{{Type: incident.Declared, Severity: "P1", Title: "Checkout fails", Commander: "ada"},
		{Type: incident.Status, State: incident.Identified, Text: "db pool"}} {
		if _, err := incident.Append(ctx, s.Client, repo, inc, e); err != nil {
			tb.Fatal(err)
		}
	}
	pm, err := postmortem.Open(ctx, s.Client, postmortem.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name},
		postmortem.Facts{Title: "Checkout fails", Severity: "P1", Incident: inc, Commander: "ada", Opened: c.now()}, postmortem.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	issue(tb, s, "Add a pool alarm", "Postmortem: #"+strconv.Itoa(pm.Number)+"\nDue: 2025-12-30", "postmortem-action")
	issue(tb, s, "Write the runbook", "Postmortem: #"+strconv.Itoa(pm.Number), "postmortem-action")
	return s, c
}

// actionItemsRun is `hotfix run` on an action item's label: the postmortem's table regenerated.
func actionItemsRun(tb testing.TB) map[string]int {
	s, _ := followups(tb)
	item, _, err := s.Client.Issues.Get(ctx, sandboxtest.Owner, sandboxtest.Name, 4)
	if err != nil {
		tb.Fatal(err)
	}
	event := &github.IssuesEvent{Action: github.String("labeled"), Issue: item, Repo: repository(), Label: &github.Label{Name: github.String("postmortem-action")}}
	return mustRun(tb, s, "issues", event, "run").routes
}

// remindRun is `hotfix run` on a schedule two weeks on: the incident's update, the postmortem and
// an action item are overdue.
func remindRun(tb testing.TB) map[string]int {
	s, c := followups(tb)
	c.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	event := map[string]any{"schedule": "*/15 * * * *", "repository": repository()}
	return mustRun(tb, s, "schedule", event, "run").routes
}

// reportRun is `hotfix report` since a date before the one incident, so it counts the incident,
// its postmortem and its items.
func reportRun(tb testing.TB) map[string]int {
	s, _ := followups(tb)
	return mustRun(tb, s, "", nil, "report", "--since", "2025-12-01").routes
}
