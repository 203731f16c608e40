package incident

import (
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// TestOptionsFor: the policy's labels, branch, prefix, window and due time, and the real clock
// when none is given.
func TestOptionsFor(t *testing.T) {
	t.Parallel()
	p := config.Default()
	p.Incident.Label, p.Branches.Production, p.Postmortem.ActionLabel = "sev", "master", "pm-action"
	o := OptionsFor(p, "bot", nil)
	if o.Identity != "bot" || o.Label != "sev" || o.Production != "master" || o.Prefix != p.Release.Prefix ||
		o.Window != p.Incident.RecentChanges.D() || o.DueAfter != p.Postmortem.Due() || o.Postmortem.ActionLabel != "pm-action" || len(o.Scale) != 4 {
		t.Errorf("OptionsFor = %+v", o)
	}
	if o.Now == nil || time.Since(o.Now()) > time.Minute {
		t.Errorf("OptionsFor without a clock has no real one")
	}
}
