package incident

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

func TestSeverityScaleFromPolicy(t *testing.T) {
	t.Parallel()
	p, err := config.Parse("f.yml", []byte("incident:\n  cadence: {P2: 2h}\n  action_item_due_days: {P0: 3, P3: 90}\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Scale{
		{Name: "P0", Response: "immediate", Cadence: 30 * time.Minute, DueDays: 3},
		{Name: "P1", Response: "< 1 h", Cadence: time.Hour, DueDays: 14},
		{Name: "P2", Response: "< 4 h", Cadence: 2 * time.Hour, DueDays: 30},
		{Name: "P3", Response: "< 24 h", Cadence: 24 * time.Hour, DueDays: 90},
	}
	if diff := cmp.Diff(ScaleFor(p), want); diff != "" {
		t.Errorf("ScaleFor (-got +want):\n%s", diff)
	}
}
