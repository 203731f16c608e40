package incident

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// linkedRecord is a resolved incident whose hotfix PR #4, tag, backport #5 and postmortem #6
// were linked by the merge handling at 10:31.
func linkedRecord() Record {
	return Fold([]Entry{
		declared(at(10, 0), 1),
		{Type: Status, State: Identified, Text: "bad config", Time: at(10, 10), ID: 2},
		{Type: Linked, Kind: "pr", Number: 4, Time: at(10, 31), ID: 3},
		{Type: Linked, Kind: "tag", Name: "v1.2.4", Time: at(10, 31), ID: 4},
		{Type: Linked, Kind: "backport", Number: 5, Name: "develop", Time: at(10, 31), ID: 5},
		{Type: Linked, Kind: "postmortem", Number: 6, Time: at(10, 31), ID: 6},
		{Type: Mitigated, How: "hotfix", Time: at(10, 40), ID: 7},
		{Type: Resolved, Text: "fixed", Time: at(11, 40), ID: 8},
	})
}

// TestFactsFor: each linked PR keeps the tag and backports linked after it (a second PR read
// takes none of them); with the PR's merge time known, the postmortem shows the PR, tag and backport at
// the merge and leaves out their "linked" lines; without it, the linked lines are the only trace
// and stay. The postmortem's own link is never a line of its timeline.
func TestFactsFor(t *testing.T) {
	t.Parallel()
	merged := postmortem.PR{Number: 4, Title: "Fix pool", Merged: at(10, 30), MergeSHA: "abc"}
	tests := []struct {
		name string
		pr   postmortem.PR
		want []string
	}{
		{name: "PR read", pr: merged, want: []string{
			"10:00 Impact started", "10:00 Incident declared", "10:10 Status: identified: bad config", "10:30 Hotfix PR #4 merged",
			"10:30 Tagged v1.2.4", "10:30 Backport #5 opened to develop", "10:40 Mitigated", "11:40 Resolved"}},
		{name: "record alone", want: []string{
			"10:00 Impact started", "10:00 Incident declared", "10:10 Status: identified: bad config", "10:31 Hotfix PR #4 linked",
			"10:31 Tag v1.2.4 linked", "10:31 Backport PR #5 linked", "10:40 Mitigated", "11:40 Resolved"}},
		{name: "another PR read", pr: postmortem.PR{Number: 9, Merged: at(10, 50)}, want: []string{
			"10:00 Impact started", "10:00 Incident declared", "10:10 Status: identified: bad config", "10:31 Hotfix PR #4 linked",
			"10:31 Tag v1.2.4 linked", "10:31 Backport PR #5 linked", "10:40 Mitigated", "10:50 Hotfix PR #9 merged", "11:40 Resolved"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := linkedRecord()
			r.ImpactStart = at(10, 0)
			f := FactsFor(r, Options{Now: func() time.Time { return at(12, 0) }}, tt.pr)
			var got []string
			for _, e := range f.Timeline() {
				got = append(got, e.At.Format("15:04")+" "+e.What)
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("timeline (-got +want):\n%s", diff)
			}
		})
	}
}
