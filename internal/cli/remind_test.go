package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// logEntry appends an incident log entry at time at.
func (f *followup) logEntry(number int, at time.Time, e incident.Entry) {
	f.t.Helper()
	f.set(at)
	if _, err := incident.Append(context.Background(), f.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, number, e); err != nil {
		f.t.Fatal(err)
	}
}

// TestRunRemindSchedule runs `hotfix run` on a schedule after the clock has moved on: the overdue
// update, postmortem and action item are flagged once; a second run in the same windows posts
// nothing.
func TestRunRemindSchedule(t *testing.T) {
	t.Parallel()
	f := newFollowup(t, time.Date(2025, 12, 20, 10, 0, 0, 0, time.UTC))
	pm := f.openPostmortem()
	item := f.issue("Add a pool alarm", "Postmortem: #1\nDue: 2025-12-30", "postmortem-action")
	inc := f.issue("[P1] Search is slow", "", "incident")
	f.logEntry(inc.GetNumber(), time.Date(2026, 1, 2, 1, 0, 0, 0, time.UTC), incident.Entry{Type: incident.Declared, Severity: "P1", Title: "Search is slow", Commander: "ada"})
	vars := f.vars("schedule", event.ScheduleEvent{Cron: "*/15 * * * *", Repo: repository()})
	f.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)) // the time run's clock gives

	got := run(t, t.TempDir(), vars, "run")
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	containsAll(t, "stdout", got.stdout, []string{"running hotfix remind",
		"#1 postmortem, window 2026-01-01T10:00:00Z: reminded",
		"#1 action-item (item #2), window 2025-12-31T00:00:00Z: reminded",
		"#2 action-item, window 2025-12-31T00:00:00Z: reminded",
		"#3 update, window 2026-01-02T03:00:00Z: reminded",
		"4 reminders posted"})
	containsAll(t, "postmortem", f.body(pm), []string{"Add a pool alarm | — | 2025-12-30 | **overdue** |"})

	again := run(t, t.TempDir(), vars, "run")
	containsAll(t, "stdout", again.stdout, []string{"#2 action-item, window 2025-12-31T00:00:00Z: already reminded in this window", "0 reminders posted"})
	comments, _, err := f.Client.Issues.ListComments(context.Background(), sandboxtest.Owner, sandboxtest.Name, item.GetNumber(), nil)
	if err != nil || len(comments) != 1 {
		t.Errorf("the item has %d comments (%v), want one reminder", len(comments), err)
	}
}

func TestRemindUsage(t *testing.T) {
	t.Parallel()
	got := run(t, t.TempDir(), nil, "remind", "now")
	if got.code != ExitUsage || !strings.Contains(got.stderr, `unexpected argument "now"`) {
		t.Errorf("exit %d, stderr %q; want a usage error", got.code, got.stderr)
	}
}
