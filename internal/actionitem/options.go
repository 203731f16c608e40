package actionitem

import (
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// OptionsFor are the action-item settings of the policy: its label, and the due days of its
// severity scale (incident.ScaleFor).
func OptionsFor(p config.Policy) Options {
	days := map[string]int{}
	for _, sev := range incident.ScaleFor(p) {
		days[sev.Name] = sev.DueDays
	}
	return Options{Label: p.Postmortem.ActionLabel, DueDays: days}
}
