package actionitem

import "testing"

// TestResultLine checks the one-line log: singular for one, no trailing blank.
func TestResultLine(t *testing.T) {
	t.Parallel()
	got := Result{Postmortem: 4, Items: 1, Overdue: 1, Pending: 1}.Line()
	want := "postmortem #4: 1 action item, 1 open (1 overdue), 0 closed; 1 typed row without an issue; table unchanged"
	if got != want {
		t.Errorf("Line = %q, want %q", got, want)
	}
}
