package actionitem

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

func TestOptionsForPolicy(t *testing.T) {
	t.Parallel()
	p, err := config.Parse("f.yml", []byte("incident:\n  action_item_due_days: {P0: 3, P3: 90}\npostmortem:\n  action_label: follow-up\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := OptionsFor(p)
	if diff := cmp.Diff(got.DueDays, map[string]int{"P0": 3, "P1": 14, "P2": 30, "P3": 90}); diff != "" || got.Label != "follow-up" {
		t.Errorf("OptionsFor: label %q, due days (-got +want):\n%s", got.Label, diff)
	}
}
