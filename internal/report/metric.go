// Package report measures the incident process per severity: how many incidents, how fast they
// were acknowledged, mitigated and resolved, how soon the postmortem was written up, and how many action
// items closed on time. Every figure carries its definition, because a metric is only trusted
// when people can see which two timestamps it came from.
package report

import (
	"cmp"
	"slices"
	"time"
)

// Incident is what the report needs of one incident. A zero time is unknown.
type Incident struct {
	Number   int
	Severity string
	// The incident's timestamps, kept apart.
	ImpactStart, Declared, Acknowledged, Mitigated, Resolved time.Time
	// PostmortemDone is when its postmortem issue was closed: written up and reviewed.
	PostmortemDone time.Time
	Items          []Item
}

// Item is one action item of the incident's postmortem.
type Item struct {
	Deadline time.Time // the first instant it is late
	Closed   time.Time // zero while open
}

// Definitions of every figure, printed next to it.
const (
	DefIncidents    = "incidents declared in the window"
	DefAcknowledge  = "from declared to the first status update (/status)"
	DefMitigate     = "from impact start (else declared) to the first mitigation (/mitigated)"
	DefResolve      = "from impact start (else declared) to resolved (/resolve)"
	DefPostmortem   = "from resolved to the postmortem issue closed (written up); open postmortems are not counted"
	DefOnTime       = "action items closed by the end of their due day, out of the items closed or past their due day"
	DefPercentiles  = "median and p90 by nearest rank, over the incidents that have both timestamps (n)"
	nameAcknowledge = "time to acknowledge"
	nameMitigate    = "time to mitigate"
	nameResolve     = "time to resolve"
	namePostmortem  = "time to postmortem"
)

// span is one duration metric: its name, its definition, and the two timestamps it measures.
type span struct {
	name, def  string
	start, end func(Incident) time.Time
}

// spans are the duration metrics, in the order an incident lives them.
var spans = []span{
	{nameAcknowledge, DefAcknowledge, func(i Incident) time.Time { return i.Declared }, func(i Incident) time.Time { return i.Acknowledged }},
	{nameMitigate, DefMitigate, impactOrDeclared, func(i Incident) time.Time { return i.Mitigated }},
	{nameResolve, DefResolve, impactOrDeclared, func(i Incident) time.Time { return i.Resolved }},
	{namePostmortem, DefPostmortem, func(i Incident) time.Time { return i.Resolved }, func(i Incident) time.Time { return i.PostmortemDone }},
}

func impactOrDeclared(i Incident) time.Time {
	if !i.ImpactStart.IsZero() {
		return i.ImpactStart
	}
	return i.Declared
}

// durations are the metric's measurable durations over incidents, shortest first. An incident
// missing either timestamp, or whose end comes before its start, is left out.
func (s span) durations(incidents []Incident) []time.Duration {
	var out []time.Duration
	for _, in := range incidents {
		start, end := s.start(in), s.end(in)
		if !start.IsZero() && !end.IsZero() && !end.Before(start) {
			out = append(out, end.Sub(start))
		}
	}
	slices.Sort(out)
	return out
}

// percentile is the p-th percentile (0 < p <= 1) of sorted durations by nearest rank.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(float64(len(sorted))*p + 0.999999999)
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// onTime counts the items closed by their deadline, and the items that count: closed, or past
// their deadline at now.
func onTime(incidents []Incident, now time.Time) (closed, due int) {
	for _, in := range incidents {
		for _, it := range in.Items {
			switch {
			case !it.Closed.IsZero() && it.Closed.Before(it.Deadline):
				closed, due = closed+1, due+1
			case !it.Closed.IsZero() || !now.Before(it.Deadline):
				due++
			}
		}
	}
	return closed, due
}

// bySeverity groups incidents by severity: P0..P3 always, then any other severity seen.
func bySeverity(incidents []Incident) ([]string, map[string][]Incident) {
	groups := map[string][]Incident{}
	names := []string{"P0", "P1", "P2", "P3"}
	for _, in := range incidents {
		sev := cmp.Or(in.Severity, "unknown")
		if _, ok := groups[sev]; !ok && !slices.Contains(names, sev) {
			names = append(names, sev)
		}
		groups[sev] = append(groups[sev], in)
	}
	return names, groups
}
