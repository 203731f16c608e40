package config

import "time"

// Incident says how incidents run: the label that marks them, how often each severity posts an
// update, when the postmortem's action items fall due, how far back declare looks for recent
// changes, and the login the toolkit writes the incident log as. The notification webhook's URL
// is a secret, so it is never here: it comes from the notify_webhook input.
type Incident struct {
	// Label marks incident issues; default "incident".
	Label string `yaml:"label" json:"label"`
	// Cadence is the longest gap between two status updates, per severity (P0..P3); defaults
	// P0 30m, P1 1h, P2 4h, P3 24h. A file that sets some severities keeps the others' defaults.
	Cadence map[string]Duration `yaml:"cadence" json:"cadence"`
	// ActionItemDueDays is how many days after the postmortem opens its action items are due,
	// per severity; defaults P0 7, P1 14, P2 30, P3 60.
	ActionItemDueDays map[string]int `yaml:"action_item_due_days" json:"action_item_due_days"`
	// RecentChanges is how far back declare lists the merged pull requests and tags of the
	// production branch; default 24h.
	RecentChanges Duration `yaml:"recent_changes" json:"recent_changes"`
	// Identity is the login the toolkit writes the incident log as, the only author whose log
	// comments count; "" (the default) asks GitHub, through the identity input or the token.
	Identity string `yaml:"identity" json:"identity"`
}

// Incident limits.
const (
	// MaxCadence is the longest update cadence a severity may have.
	MaxCadence = 7 * 24 * time.Hour
	// MaxRecentChanges is the furthest back declare may look for recent changes.
	MaxRecentChanges = 30 * 24 * time.Hour
	// MaxDueDays is the most days after the postmortem that an action item may be due.
	MaxDueDays = 365
)

// defaultIncident is the incident section of Default(), with maps of its own on every call.
func defaultIncident() Incident {
	return Incident{
		Label: "incident",
		Cadence: map[string]Duration{
			"P0": Duration(30 * time.Minute), "P1": Duration(time.Hour),
			"P2": Duration(4 * time.Hour), "P3": Duration(24 * time.Hour),
		},
		ActionItemDueDays: map[string]int{"P0": 7, "P1": 14, "P2": 30, "P3": 60},
		RecentChanges:     Duration(24 * time.Hour),
		Identity:          "",
	}
}

// Cadences returns the update cadence of each severity as a time.Duration.
func (i Incident) Cadences() map[string]time.Duration {
	out := make(map[string]time.Duration, len(i.Cadence))
	for sev, d := range i.Cadence {
		out[sev] = d.D()
	}
	return out
}
