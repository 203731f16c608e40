package report

import (
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Report is the figures for a window, per severity.
type Report struct {
	Since       time.Time  `json:"since"`
	Until       time.Time  `json:"until"`
	Percentiles string     `json:"percentiles"`
	Severities  []Severity `json:"severities"`
}

// Severity is the figures of one severity.
type Severity struct {
	Severity    string   `json:"severity"`
	Incidents   Count    `json:"incidents"`
	Durations   []Metric `json:"durations"`
	ActionItems Ratio    `json:"action_items_on_time"`
}

// Count is a number and its definition.
type Count struct {
	Value      int    `json:"value"`
	Definition string `json:"definition"`
}

// Metric is one duration metric: its median and p90 over the N incidents it could be measured on.
type Metric struct {
	Name          string `json:"name"`
	Definition    string `json:"definition"`
	N             int    `json:"n"`
	MedianSeconds int64  `json:"median_seconds"`
	P90Seconds    int64  `json:"p90_seconds"`
	Median        string `json:"median"`
	P90           string `json:"p90"`
}

// Ratio is the action items closed on time, out of those that count.
type Ratio struct {
	OnTime     int    `json:"on_time"`
	Due        int    `json:"due"`
	Percent    *int   `json:"percent"` // nil when no item counts yet
	Definition string `json:"definition"`
}

// Build computes the report at now over the incidents declared at or after since.
func Build(incidents []Incident, since, now time.Time) Report {
	var in []Incident
	for _, i := range incidents {
		if !i.Declared.Before(since) && !i.Declared.After(now) {
			in = append(in, i)
		}
	}
	r := Report{Since: since.UTC(), Until: now.UTC(), Percentiles: DefPercentiles}
	names, groups := bySeverity(in)
	for _, name := range names {
		r.Severities = append(r.Severities, severity(name, groups[name], now))
	}
	return r
}

// severity computes one severity's figures.
func severity(name string, in []Incident, now time.Time) Severity {
	s := Severity{Severity: name, Incidents: Count{Value: len(in), Definition: DefIncidents}}
	for _, sp := range spans {
		d := sp.durations(in)
		m := Metric{Name: sp.name, Definition: sp.def, N: len(d), Median: "—", P90: "—"}
		if len(d) > 0 {
			med, p90 := percentile(d, 0.5), percentile(d, 0.9)
			m.MedianSeconds, m.P90Seconds = int64(med.Seconds()), int64(p90.Seconds())
			m.Median, m.P90 = postmortem.Human(med), postmortem.Human(p90)
		}
		s.Durations = append(s.Durations, m)
	}
	closed, due := onTime(in, now)
	s.ActionItems = Ratio{OnTime: closed, Due: due, Definition: DefOnTime}
	if due > 0 {
		pct := closed * 100 / due
		s.ActionItems.Percent = &pct
	}
	return s
}
