package bench

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/report"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// maxReportRequests is issue #16's bound on a report of reportIncidents incidents.
const (
	reportIncidents   = 200
	maxReportRequests = 10
)

// ticking is a clock that moves a minute at every reading, so every log entry has its own time.
type ticking struct {
	mu sync.Mutex
	at time.Time
}

func (c *ticking) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.at = c.at.Add(time.Minute)
	return c.at
}

// resolvedIncidents opens n incidents as the toolkit keeps them: an issue by the toolkit's
// identity, a log of declared, status, mitigated and resolved entries, and the summary in the
// body rendered from that log.
func resolvedIncidents(tb testing.TB, n int) *sandboxtest.Sandbox {
	tb.Helper()
	s := sandboxtest.Start(tb, sandboxtest.Options{NoSecondaryLimit: true, Clock: (&ticking{at: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}).now})
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	for i := range n {
		sev := fmt.Sprintf("P%d", i%4)
		num := issue(tb, s, fmt.Sprintf("[%s] Incident %d", sev, i), "", "incident").GetNumber()
		for _, e := range []incident.Entry{{Type: incident.Declared, Severity: sev, Title: fmt.Sprintf("Incident %d", i), Commander: "ada"},
			{Type: incident.Status, State: incident.Identified, Text: "found"}, {Type: incident.Mitigated, How: "rollback", Text: "rolled back"},
			{Type: incident.Resolved, Text: "fixed"}} {
			if _, err := incident.Append(ctx, s.Client, repo, num, e); err != nil {
				tb.Fatal(err)
			}
		}
		r, err := incident.Load(ctx, s.Client, repo, num, "sandbox-bot")
		if err != nil {
			tb.Fatal(err)
		}
		body := incident.ReplaceSummary("", incident.Summary(r, incident.Severities))
		if _, _, err := s.Client.Issues.Edit(ctx, sandboxtest.Owner, sandboxtest.Name, num, &github.IssueRequest{Body: &body}); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

func TestReportReadsPagesNotLogs(t *testing.T) {
	t.Parallel()
	s := resolvedIncidents(t, reportIncidents)
	src := report.Sources{IncidentLabel: "incident", Identity: "sandbox-bot"}
	var got []report.Incident
	routes := counted(s, func() {
		var err error
		if got, err = report.Load(ctx, s.Client, postmortem.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, src, time.Time{}); err != nil {
			t.Fatal(err)
		}
	})
	if n, _ := total(routes); n > maxReportRequests {
		t.Errorf("a report of %d incidents made %d requests, want at most %d: %s", reportIncidents, n, maxReportRequests, describe(routes))
	}
	if len(got) != reportIncidents {
		t.Fatalf("report read %d incidents, want %d", len(got), reportIncidents)
	}
	s.Server.ResetRequests()
	for _, in := range got {
		r, err := incident.Load(ctx, s.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, in.Number, "sandbox-bot")
		if err != nil {
			t.Fatal(err)
		}
		fromLog := report.Incident{Number: r.Number, Severity: r.Severity, ImpactStart: r.ImpactStart, Declared: r.Declared,
			Acknowledged: r.Acknowledged, Mitigated: r.Mitigated, Resolved: r.Resolved}
		if diff := cmp.Diff(in, fromLog); diff != "" || r.Resolved.IsZero() {
			t.Fatalf("incident #%d from the issue list differs from its log (-list +log):\n%s", in.Number, diff)
		}
	}
	n, _ := total(routes)
	logs, _ := total(s.Server.Requests())
	t.Logf("report of %d incidents: %d requests (%s); reading each log as before #16 adds %d", reportIncidents, n, describe(routes), logs)
}
