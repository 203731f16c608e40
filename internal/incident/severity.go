package incident

import (
	"fmt"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// Severity is what one incident severity asks of the people responding: how fast to respond, how
// often to post an update, and when the postmortem's action items are due.
type Severity struct {
	Name     string        // P0..P3
	Response string        // the response target, as people say it
	Cadence  time.Duration // the longest gap between two updates
	DueDays  int           // days after the postmortem opens that its action items are due
}

// Scale is the severities, most urgent first.
type Scale []Severity

// Severities is the default scale. Cadence and due days are configurable with Scale.With.
var Severities = Scale{
	{Name: "P0", Response: "immediate", Cadence: 30 * time.Minute, DueDays: 7},
	{Name: "P1", Response: "< 1 h", Cadence: time.Hour, DueDays: 14},
	{Name: "P2", Response: "< 4 h", Cadence: 4 * time.Hour, DueDays: 30},
	{Name: "P3", Response: "< 24 h", Cadence: 24 * time.Hour, DueDays: 60},
}

// Get returns the severity called name (P0..P3, any case).
func (s Scale) Get(name string) (Severity, bool) {
	for _, v := range s {
		if strings.EqualFold(v.Name, strings.TrimSpace(name)) {
			return v, true
		}
	}
	return Severity{}, false
}

// Parse returns the severity called name, or an error that lists the valid ones.
func (s Scale) Parse(name string) (Severity, error) {
	if v, ok := s.Get(name); ok {
		return v, nil
	}
	return Severity{}, fmt.Errorf("severity %q is not one of %s", name, strings.Join(s.Names(), ", "))
}

// Names lists the severity names, most urgent first.
func (s Scale) Names() []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = v.Name
	}
	return out
}

// With returns a copy of the scale with the cadences and due days that are set (non-zero) in
// cadence and dueDays, keyed by severity name.
func (s Scale) With(cadence map[string]time.Duration, dueDays map[string]int) Scale {
	out := make(Scale, len(s))
	copy(out, s)
	for i, v := range out {
		if d := cadence[v.Name]; d > 0 {
			out[i].Cadence = d
		}
		if n := dueDays[v.Name]; n > 0 {
			out[i].DueDays = n
		}
	}
	return out
}

// ScaleFor is the severity scale under the policy: Severities, with the cadence and action-item
// due days of the policy's incident section.
func ScaleFor(p config.Policy) Scale {
	return Severities.With(p.Incident.Cadences(), p.Incident.ActionItemDueDays)
}
