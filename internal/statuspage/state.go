package statuspage

// Component statuses, as Statuspage names them.
const (
	Operational         = "operational"
	DegradedPerformance = "degraded_performance"
	PartialOutage       = "partial_outage"
	MajorOutage         = "major_outage"
)

// effect is what an open incident of one severity does to its service and to the page.
type effect struct {
	Status string // the component status
	Impact string // the incident's impact, Statuspage's none|minor|major|critical
	rank   int    // higher is worse
}

// effects maps each severity to its effect; see the package documentation.
var effects = map[string]effect{
	"P0": {MajorOutage, "critical", 3},
	"P1": {PartialOutage, "major", 2},
	"P2": {DegradedPerformance, "minor", 1},
	"P3": {Operational, "none", 0},
}

// effectOf is the effect of severity; an unknown severity counts as P2 (a degradation), so an
// open incident is never shown as nothing at all.
func effectOf(severity string) effect {
	if e, ok := effects[severity]; ok {
		return e
	}
	return effects["P2"]
}

// indicators is the overall indicator and its description for the worst component status.
var indicators = map[string][2]string{
	Operational:         {"none", "All Systems Operational"},
	DegradedPerformance: {"minor", "Minor Service Outage"},
	PartialOutage:       {"major", "Partial System Outage"},
	MajorOutage:         {"critical", "Major System Outage"},
}

// labels are the component statuses for people.
var labels = map[string]string{
	Operational:         "Operational",
	DegradedPerformance: "Degraded performance",
	PartialOutage:       "Partial outage",
	MajorOutage:         "Major outage",
}

// rankOf orders component statuses, worst highest.
func rankOf(status string) int {
	for _, e := range effects {
		if e.Status == status && e.Status != Operational {
			return e.rank
		}
	}
	return 0
}
