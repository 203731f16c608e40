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

// TestResultSummaryAndOutputs: the job summary carries the line; the outputs say what changed.
func TestResultSummaryAndOutputs(t *testing.T) {
	t.Parallel()
	res := Result{Postmortem: 4, Items: 2, Changed: true, AllClosed: true}
	if got, want := res.Summary(), "### Action items\n\n"+res.Line()+"\n"; got != want {
		t.Errorf("Summary = %q, want %q", got, want)
	}
	if got := res.Outputs(); got["changed"] != "true" || got["all_closed"] != "true" || len(got) != 2 {
		t.Errorf("Outputs = %v", got)
	}
}
