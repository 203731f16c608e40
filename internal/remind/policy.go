package remind

import (
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// SourcesFor are the sources under policy p, whose records count when identity wrote them.
func SourcesFor(p config.Policy, identity string) Sources {
	return Sources{IncidentLabel: p.Incident.Label, PostmortemLabel: p.Postmortem.Label, Items: actionitem.OptionsFor(p),
		PostmortemDue: p.Postmortem.Due(), Identity: identity}
}

// OptionsFor are the options under policy p: each severity's update cadence.
func OptionsFor(p config.Policy) Options {
	cadence := map[string]time.Duration{}
	for _, sev := range incident.ScaleFor(p) {
		cadence[sev.Name] = sev.Cadence
	}
	return Options{Cadence: cadence}
}
