package cli

import (
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

func TestCount(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0 steps", 1: "1 step", 2: "2 steps"} {
		if got := count(n, "step"); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestLogLines checks the one-line logs: singular for one, no trailing blank, the reason of a
// refusal.
func TestLogLines(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ got, want string }{
		"one overdue item": {itemsLine(actionitem.Result{Postmortem: 4, Items: 1, Overdue: 1, Pending: 1}),
			"postmortem #4: 1 action item, 1 open (1 overdue), 0 closed; 1 typed row without an issue; table unchanged"},
		"refused": {updateLine(7, incident.Handled{Outcome: incident.Refused, Reason: "mallory has no write access to the repository"}),
			"incident #7: refused: mallory has no write access to the repository"},
		"applied": {updateLine(7, incident.Handled{Outcome: incident.Applied, Type: "status"}), "incident #7: applied status"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", name, tc.got, tc.want)
		}
	}
}
