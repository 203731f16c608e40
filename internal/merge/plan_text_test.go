package merge

import (
	"strings"
	"testing"
)

// TestPlanTextPostmortem: the plan says open, refresh, or refresh if the toolkit wrote it.
func TestPlanTextPostmortem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		pm   PostmortemPlan
		want string
	}{
		{"open", PostmortemPlan{Action: "open", Title: "T"}, "would open     postmortem \"T\"\n"},
		{"refresh", PostmortemPlan{Action: "refresh", Number: 7, Title: "T"}, "would refresh  postmortem #7 \"T\"\n"},
		{"unchecked", PostmortemPlan{Action: "refresh", Number: 7, Title: "T", Unchecked: true},
			"would refresh  postmortem #7 \"T\", if the toolkit wrote it (a dry run does not ask GitHub who the toolkit is; the identity input names it)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var b strings.Builder
			Plan{TagProblem: "none", Postmortem: tt.pm}.WriteText(&b)
			if got := strings.SplitN(b.String(), "\n", 2)[1]; got != tt.want {
				t.Errorf("postmortem line = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPlanTextIncidentUnread: a plan that did not read the incident's log says so.
func TestPlanTextIncidentUnread(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	Plan{TagProblem: "none", Incident: 5, IncidentUnread: true, Postmortem: PostmortemPlan{Action: "open", Title: "T"}}.WriteText(&b)
	want := "would link     what the merge makes on incident #5 (its log is not read: a dry run does not ask GitHub who the toolkit is; the identity input names it)\n"
	if !strings.HasSuffix(b.String(), want) {
		t.Errorf("plan text:\n%s\nwant it to end with %q", b.String(), want)
	}
}
