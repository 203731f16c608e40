package cli

import (
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// TestLogLines checks the one-line logs: singular for one, no trailing blank, the reason of a
// refusal.
func TestLogLines(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ got, want string }{
		"one overdue item": {actionitem.Result{Postmortem: 4, Items: 1, Overdue: 1, Pending: 1}.Line(),
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
