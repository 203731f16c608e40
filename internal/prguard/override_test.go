package prguard

import (
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

// TestOverrideTurnsADenyIntoAWarning: an edit to the policy or a workflow fails the guard under
// the default deny list, and a granted override passes it with the finding kept as a warning; an
// override not granted changes nothing.
func TestOverrideTurnsADenyIntoAWarning(t *testing.T) {
	t.Parallel()
	for _, path := range []string{".github/hotfix.yml", ".github/workflows/ci.yml"} {
		set := change.Set{Files: []change.File{{Path: path, Status: change.Modified, Additions: 1, Deletions: 1}}}
		res := guard.Check(set, config.Default().Guard, "")
		if res.Verdict != guard.Fail {
			t.Fatalf("an edit to %s: verdict %s, want fail", path, res.Verdict)
		}
		if got := (Override{}).Apply(res); got.Verdict != guard.Fail {
			t.Errorf("an edit to %s with no override: verdict %s, want fail", path, got.Verdict)
		}
		got := (Override{granted: true}).Apply(res)
		if got.Verdict != guard.Pass || len(got.Findings) != 1 || got.Findings[0].Level != config.LevelWarn {
			t.Errorf("an edit to %s with the override: %+v; want pass with the deny finding as a warning", path, got)
		}
	}
}
