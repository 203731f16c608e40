package remind

import (
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// TestPolicyOptions: the sources' labels and identity, and each severity's cadence.
func TestPolicyOptions(t *testing.T) {
	t.Parallel()
	p := config.Default()
	src := SourcesFor(p, "bot")
	if src.Identity != "bot" || src.IncidentLabel != p.Incident.Label || src.PostmortemLabel != p.Postmortem.Label || src.PostmortemDue != p.Postmortem.Due() {
		t.Errorf("SourcesFor = %+v", src)
	}
	o := OptionsFor(p)
	for _, sev := range incident.ScaleFor(p) {
		if o.Cadence[sev.Name] != sev.Cadence || sev.Cadence == 0 {
			t.Errorf("cadence of %s = %v, want %v", sev.Name, o.Cadence[sev.Name], sev.Cadence)
		}
	}
}
