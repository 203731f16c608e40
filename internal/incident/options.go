package incident

import (
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// OptionsFor are the options of the incident commands under policy p, writing the log as
// identity, with the clock now (time.Now when nil).
func OptionsFor(p config.Policy, identity string, now func() time.Time) Options {
	if now == nil {
		now = time.Now
	}
	return Options{
		Identity: identity, Label: p.Incident.Label, Production: p.Branches.Production, Prefix: p.Release.Prefix,
		Window: p.Incident.RecentChanges.D(), Scale: ScaleFor(p), Now: now,
		Postmortem: postmortem.Options{Label: p.Postmortem.Label, ActionLabel: p.Postmortem.ActionLabel},
		DueAfter:   p.Postmortem.Due(),
	}
}
