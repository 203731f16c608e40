package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	metrics "github.com/incident-hotfix/incident-hotfix/internal/report"
)

// TestReportFigures builds an incident history on the sandbox and checks the figures, their
// definitions, the JSON and the step summary's chart.
func TestReportFigures(t *testing.T) {
	t.Parallel()
	day := func(hh, mm int) time.Time { return time.Date(2025, 12, 20, hh, mm, 0, 0, time.UTC) }
	f := newFollowup(t, day(9, 50))
	inc := f.issue("[P1] Checkout fails", "", "incident").GetNumber()
	f.logEntry(inc, day(10, 0), incident.Entry{Type: incident.Declared, Severity: "P1", Title: "Checkout fails", Commander: "ada", ImpactStarted: day(9, 40)})
	f.logEntry(inc, day(10, 10), incident.Entry{Type: incident.Status, State: incident.Identified, Text: "db pool"})
	f.logEntry(inc, day(10, 40), incident.Entry{Type: incident.Mitigated, How: "hotfix"})
	f.logEntry(inc, day(11, 40), incident.Entry{Type: incident.Resolved, Text: "fixed"})
	f.set(day(11, 45))
	pm := f.openPostmortemFor(inc)
	done := f.issue("Add a pool alarm", "Postmortem: #"+strconv.Itoa(pm)+"\nDue: 2025-12-22", "postmortem-action")
	f.set(day(12, 10))
	f.close(pm) // written up 30 minutes after the resolution
	f.set(day(12, 0).AddDate(0, 0, 1))
	f.close(done.GetNumber())
	f.issue("Write the runbook", "Postmortem: #"+strconv.Itoa(pm)+"\nDue: 2025-12-24", "postmortem-action")

	vars := f.vars("", nil)
	got := run(t, t.TempDir(), vars, "report", "--since", "90d")
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	containsAll(t, "stdout", got.stdout, []string{
		"incidents                    1 — " + metrics.DefIncidents,
		"time to acknowledge          median 10m, p90 10m, n=1 — " + metrics.DefAcknowledge,
		"time to mitigate             median 1h 0m, p90 1h 0m, n=1 — " + metrics.DefMitigate,
		"time to resolve              median 2h 0m, p90 2h 0m, n=1 — " + metrics.DefResolve,
		"time to postmortem           median 30m, p90 30m, n=1 — " + metrics.DefPostmortem,
		"action items closed on time  1 of 2 (50%) — " + metrics.DefOnTime,
	})
	containsAll(t, "summary", got.summary, []string{"```mermaid\nxychart-beta", "bar [0.00, 2.00, 0.00, 0.00]", "**Definitions**"})

	js := run(t, t.TempDir(), vars, "report", "--since", "2025-12-01", "--json")
	var rep metrics.Report
	if err := json.Unmarshal([]byte(js.stdout[strings.Index(js.stdout, "{"):]), &rep); err != nil {
		t.Fatalf("report --json: %v\n%s", err, js.stdout)
	}
	p1 := rep.Severities[1]
	if p1.Incidents.Value != 1 || p1.Durations[2].MedianSeconds != 7200 || p1.Durations[2].Definition != metrics.DefResolve {
		t.Errorf("JSON P1 = %+v", p1)
	}

	old := run(t, t.TempDir(), vars, "report", "--since", "1h")
	containsAll(t, "stdout", old.stdout, []string{"P1\n  incidents                    0"})
}

func TestReportSinceUsage(t *testing.T) {
	t.Parallel()
	for _, since := range []string{"90", "d", "-3d", "2025-13-01", "soon"} {
		got := run(t, t.TempDir(), nil, "report", "--since", since)
		if got.code != ExitUsage || !strings.Contains(got.stderr, "use Nd (90d), Nh (12h) or a date") {
			t.Errorf("--since %s: exit %d, stderr %q", since, got.code, got.stderr)
		}
	}
}
