package incident

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// at is a time on the test day, 2026-03-04, in UTC.
func at(hh, mm int) time.Time { return time.Date(2026, 3, 4, hh, mm, 0, 0, time.UTC) }

func declared(t time.Time, id int64) Entry {
	return Entry{Type: Declared, Severity: "P1", Title: "Checkout fails", Service: "checkout", Impact: "EU users can't pay",
		Commander: "alice", Time: t, ID: id}
}

// summary is the part of a record the table compares.
type summary struct {
	Severity, Commander, State, How                          string
	Open                                                     bool
	ImpactStart, Declared, Acknowledged, Mitigated, Resolved time.Time
	Events                                                   []string
}

func summarise(r Record) summary {
	s := summary{Severity: r.Severity, Commander: r.Commander, State: r.State, How: r.MitigatedHow, Open: r.Open,
		ImpactStart: r.ImpactStart, Declared: r.Declared, Acknowledged: r.Acknowledged, Mitigated: r.Mitigated, Resolved: r.Resolved}
	for _, e := range r.Events {
		s.Events = append(s.Events, e.At.Format("15:04")+" "+e.Text)
	}
	return s
}

func TestFold(t *testing.T) {
	t.Parallel()
	full := []Entry{
		declared(at(10, 5), 1),
		{Type: Status, State: Identified, Text: "bad config", Time: at(10, 20), ID: 2},
		{Type: Mitigated, How: "hotfix", Text: "PR merged", Time: at(11, 0), ID: 3},
		{Type: Resolved, Text: "error rate normal", Time: at(11, 30), ID: 4},
	}
	reversed := slices.Clone(full)
	slices.Reverse(reversed)
	fullWant := summary{Severity: "P1", Commander: "alice", State: "resolved", How: "hotfix",
		Declared: at(10, 5), Acknowledged: at(10, 20), Mitigated: at(11, 0), Resolved: at(11, 30),
		Events: []string{"10:05 Declared P1 by @alice", "10:20 Status: identified: bad config", "11:00 Mitigated by hotfix: PR merged", "11:30 Resolved: error rate normal"}}
	tests := []struct {
		name    string
		entries []Entry
		want    summary
	}{
		{name: "empty", entries: nil, want: summary{}},
		{name: "declared", entries: []Entry{declared(at(10, 5), 1)},
			want: summary{Severity: "P1", Commander: "alice", State: "investigating", Open: true, Declared: at(10, 5), Events: []string{"10:05 Declared P1 by @alice"}}},
		{name: "full", entries: full, want: fullWant},
		{name: "out of order", entries: reversed, want: fullWant},
		{name: "severity and commander change", entries: []Entry{
			declared(at(10, 5), 1),
			{Type: SeverityType, Severity: "P0", Time: at(10, 10), ID: 2},
			{Type: Commander, Login: "bob", Time: at(10, 12), ID: 3},
			{Type: SeverityType, Severity: "P2", Time: at(10, 40), ID: 4},
		}, want: summary{Severity: "P2", Commander: "bob", State: "investigating", Open: true, Declared: at(10, 5),
			Events: []string{"10:05 Declared P1 by @alice", "10:10 Severity changed to P0", "10:12 Commander is now @bob", "10:40 Severity changed to P2"}}},
		{name: "impact start kept apart", entries: []Entry{
			{Type: ImpactStart, At: at(9, 0), Time: at(10, 30), ID: 2},
			func() Entry { e := declared(at(10, 5), 1); e.ImpactStarted = at(9, 40); return e }(),
		}, want: summary{Severity: "P1", Commander: "alice", State: "investigating", Open: true, ImpactStart: at(9, 0), Declared: at(10, 5),
			Events: []string{"10:05 Declared P1 by @alice", "10:30 Impact start set to 2026-03-04 09:00 UTC"}}},
		{name: "mitigation moves to monitoring and the first one counts", entries: []Entry{
			declared(at(10, 5), 1),
			{Type: Mitigated, How: "rollback", Time: at(10, 15), ID: 2},
			{Type: Mitigated, How: "hotfix", Time: at(10, 45), ID: 3},
		}, want: summary{Severity: "P1", Commander: "alice", State: "monitoring", How: "rollback", Open: true, Declared: at(10, 5), Mitigated: at(10, 15),
			Events: []string{"10:05 Declared P1 by @alice", "10:15 Mitigated by rollback", "10:45 Mitigated by hotfix"}}},
		{name: "reopen after resolve", entries: append(slices.Clone(full),
			Entry{Type: Status, State: Investigating, Text: "errors are back", Time: at(12, 0), ID: 5}),
			want: summary{Severity: "P1", Commander: "alice", State: "investigating", How: "hotfix", Open: true,
				Declared: at(10, 5), Acknowledged: at(10, 20), Mitigated: at(11, 0),
				Events: append(slices.Clone(fullWant.Events), "12:00 Reopened", "12:00 Status: investigating: errors are back")}},
		{name: "resolved again after reopening", entries: append(slices.Clone(full),
			Entry{Type: Status, State: Investigating, Time: at(12, 0), ID: 5},
			Entry{Type: Resolved, Time: at(12, 30), ID: 6}),
			want: summary{Severity: "P1", Commander: "alice", State: "resolved", How: "hotfix",
				Declared: at(10, 5), Acknowledged: at(10, 20), Mitigated: at(11, 0), Resolved: at(12, 30),
				Events: append(slices.Clone(fullWant.Events), "12:00 Reopened", "12:00 Status: investigating", "12:30 Resolved")}},
		{name: "a second declared entry changes nothing", entries: []Entry{
			declared(at(10, 5), 1),
			func() Entry { e := declared(at(10, 6), 2); e.Severity, e.Commander = "P3", "mallory"; return e }(),
		}, want: summary{Severity: "P1", Commander: "alice", State: "investigating", Open: true, Declared: at(10, 5), Events: []string{"10:05 Declared P1 by @alice"}}},
		{name: "same second: comment id orders", entries: []Entry{
			{Type: SeverityType, Severity: "P3", Time: at(10, 10), ID: 9},
			declared(at(10, 5), 1),
			{Type: SeverityType, Severity: "P0", Time: at(10, 10), ID: 8},
		}, want: summary{Severity: "P3", Commander: "alice", State: "investigating", Open: true, Declared: at(10, 5),
			Events: []string{"10:05 Declared P1 by @alice", "10:10 Severity changed to P0", "10:10 Severity changed to P3"}}},
		{name: "unknown types are skipped", entries: []Entry{declared(at(10, 5), 1), {Type: "future", Time: at(10, 9), ID: 2}},
			want: summary{Severity: "P1", Commander: "alice", State: "investigating", Open: true, Declared: at(10, 5), Events: []string{"10:05 Declared P1 by @alice"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := summarise(Fold(tt.entries))
			if diff := cmp.Diff(got, tt.want, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Fold (-got +want):\n%s", diff)
			}
		})
	}
}

func TestFoldLinksAndSources(t *testing.T) {
	t.Parallel()
	r := Fold([]Entry{
		declared(at(10, 5), 1),
		{Type: Linked, Kind: "pr", Number: 7, URL: "u7", Time: at(10, 50), ID: 3},
		{Type: Linked, Kind: "pr", Number: 7, URL: "u7", Time: at(10, 51), ID: 4},
		{Type: Linked, Kind: "tag", Name: "v1.2.4", Time: at(10, 52), ID: 5},
		{Type: Timeline, Text: "paged the DB team", Source: 77, Time: at(10, 30), ID: 2},
	})
	want := []Artifact{{Kind: "pr", Number: 7, URL: "u7", At: at(10, 50)}, {Kind: "tag", Name: "v1.2.4", At: at(10, 52)}}
	if diff := cmp.Diff(r.Links, want); diff != "" {
		t.Errorf("links (-got +want):\n%s", diff)
	}
	if !r.Has(77) || r.Has(78) || r.Has(0) {
		t.Errorf("Has(77), Has(78), Has(0) = %v, %v, %v; want true, false, false", r.Has(77), r.Has(78), r.Has(0))
	}
	if !r.LastUpdate.Equal(at(10, 30)) {
		t.Errorf("LastUpdate = %v, want the timeline entry's 10:30 (links are not updates)", r.LastUpdate)
	}
}

func TestScale(t *testing.T) {
	t.Parallel()
	s := Severities.With(map[string]time.Duration{"P1": 2 * time.Hour}, map[string]int{"P3": 90})
	p1, _ := s.Get("p1")
	p3, _ := s.Get("P3")
	orig, _ := Severities.Get("P1")
	got := []any{p1.Cadence, p1.DueDays, p3.Cadence, p3.DueDays, orig.Cadence}
	want := []any{2 * time.Hour, 14, 24 * time.Hour, 90, time.Hour}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("With (-got +want):\n%s", diff)
	}
	if _, err := s.Parse("P4"); err == nil || err.Error() != `severity "P4" is not one of P0, P1, P2, P3` {
		t.Errorf("Parse(P4) error = %v", err)
	}
}
