package report

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/google/go-cmp/cmp"
)

var day0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)

func at(days int, hhmm string) time.Time {
	d, err := time.ParseDuration(hhmm)
	if err != nil {
		panic(err)
	}
	return day0.AddDate(0, 0, days).Add(d)
}

// history is a constructed set of incidents with known figures.
func history() []Incident {
	return []Incident{
		// P1 #1: impact 20m before declare; ack 10m; mitigated 1h after impact; resolved 2h after impact;
		// postmortem 30m after; two items, one closed on time, one closed late.
		{Number: 1, Severity: "P1", ImpactStart: at(0, "-20m"), Declared: at(0, "0m"), Acknowledged: at(0, "10m"),
			Mitigated: at(0, "40m"), Resolved: at(0, "100m"), PostmortemDone: at(0, "130m"),
			Items: []Item{{Deadline: at(15, "0m"), Closed: at(10, "0m")}, {Deadline: at(15, "0m"), Closed: at(16, "0m")}}},
		// P1 #2: no impact start; ack 30m; mitigated 3h; resolved 4h; no postmortem; one open item past due,
		// one open item not due yet (does not count).
		{Number: 2, Severity: "P1", Declared: at(5, "0m"), Acknowledged: at(5, "30m"), Mitigated: at(5, "3h"), Resolved: at(5, "4h"),
			Items: []Item{{Deadline: at(6, "0m")}, {Deadline: at(400, "0m")}}},
		// P1 #3: still open, acknowledged in 5m.
		{Number: 3, Severity: "P1", Declared: at(20, "0m"), Acknowledged: at(20, "5m")},
		// P0 #4: all in an hour.
		{Number: 4, Severity: "P0", Declared: at(30, "0m"), Acknowledged: at(30, "1m"), Mitigated: at(30, "15m"), Resolved: at(30, "1h"), PostmortemDone: at(31, "0m")},
		// P2 #5: declared before the window.
		{Number: 5, Severity: "P2", Declared: at(-100, "0m"), Acknowledged: at(-100, "1m")},
		// #6: no severity known, and a mitigation logged before the impact start (bad data, left out).
		{Number: 6, ImpactStart: at(40, "1h"), Declared: at(40, "0m"), Mitigated: at(40, "30m")},
	}
}

var now = at(60, "0m")

func TestBuild(t *testing.T) {
	t.Parallel()
	r := Build(history(), at(-90, "0m").Add(10*24*time.Hour), now)
	var got []string
	for _, s := range r.Severities {
		got = append(got, s.Severity)
	}
	if diff := cmp.Diff(got, []string{"P0", "P1", "P2", "P3", "unknown"}); diff != "" {
		t.Fatalf("severities (-got +want):\n%s", diff)
	}
	p1 := r.Severities[1]
	ack, mit, res, pm := p1.Durations[0], p1.Durations[1], p1.Durations[2], p1.Durations[3]
	checks := []struct {
		name      string
		got, want any
	}{
		{"P1 count", p1.Incidents.Value, 3},
		{"P1 ack median (5m,10m,30m)", ack.Median, "10m"},
		{"P1 ack p90", ack.P90, "30m"},
		{"P1 mitigate n", mit.N, 2},
		{"P1 mitigate median (1h,3h)", mit.Median, "1h 0m"},
		{"P1 resolve p90", res.P90, "4h 0m"},
		{"P1 postmortem", pm.Median + " n=" + strconv.Itoa(pm.N), "30m n=1"},
		{"P1 items on time", p1.ActionItems.text(), "1 of 3 (33%)"},
		{"P2 outside the window", r.Severities[2].Incidents.Value, 0},
		{"P3 items", r.Severities[3].ActionItems.text(), "none due yet"},
		{"unknown mitigate left out", r.Severities[4].Durations[1].N, 0},
	}
	for _, c := range checks {
		if !cmp.Equal(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestPercentile(t *testing.T) {
	t.Parallel()
	m := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n)*time.Minute)
		}
		return out
	}
	tests := []struct {
		d    []time.Duration
		p    float64
		want time.Duration
	}{
		{nil, 0.5, 0},
		{m(7), 0.9, 7 * time.Minute},
		{m(1, 2), 0.5, time.Minute},
		{m(1, 2, 3), 0.5, 2 * time.Minute},
		{m(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.9, 9 * time.Minute},
		{m(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), 0.9, 10 * time.Minute},
	}
	for _, tt := range tests {
		if got := percentile(tt.d, tt.p); got != tt.want {
			t.Errorf("percentile(%v, %v) = %v, want %v", tt.d, tt.p, got, tt.want)
		}
	}
}

func TestRender(t *testing.T) {
	t.Parallel()
	r := Build(history(), now.AddDate(0, 0, -90), now)
	golden.Check(t, "report.txt.golden", Text(r))
	golden.Check(t, "summary.md.golden", Markdown(r))
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "report.json.golden", string(js)+"\n")
}
