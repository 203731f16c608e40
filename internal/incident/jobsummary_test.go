package incident

import (
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// TestUpdateLine checks the one-line log of a command: what became of it, and the reason of a
// refusal.
func TestUpdateLine(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ got, want string }{
		"refused": {UpdateLine(7, Handled{Outcome: Refused, Reason: "mallory has no write access to the repository"}),
			"incident #7: refused: mallory has no write access to the repository"},
		"applied": {UpdateLine(7, Handled{Outcome: Applied, Type: "status"}), "incident #7: applied status"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: %q, want %q", name, tc.got, tc.want)
		}
	}
}

// TestUpdateSummaryNamesThePostmortem: /resolve's summary says what became of the postmortem.
func TestUpdateSummaryNamesThePostmortem(t *testing.T) {
	t.Parallel()
	got := UpdateSummary(7, "https://github.com/acme/shop/issues/7", Handled{Outcome: Applied, Type: "resolve",
		Postmortem: &postmortem.Result{Number: 9, URL: "https://github.com/acme/shop/issues/9", Refreshed: true}})
	want := "### Incident [#7](https://github.com/acme/shop/issues/7): applied resolve\n\nPostmortem [#9](https://github.com/acme/shop/issues/9) refreshed with the final timeline.\n"
	if got != want {
		t.Errorf("UpdateSummary =\n%q\nwant\n%q", got, want)
	}
}

// TestBranchWarningOnlyForTheDefaultToken: only a branch cut as github-actions[bot] gets the warning.
func TestBranchWarningOnlyForTheDefaultToken(t *testing.T) {
	t.Parallel()
	if w := BranchWarning("hotfix/x", defaultTokenLogin); !strings.HasPrefix(w, "hotfix/x was cut with the default GITHUB_TOKEN") {
		t.Errorf("BranchWarning for the default token = %q", w)
	}
	for _, tc := range [][2]string{{"hotfix/x", "incident-bot[bot]"}, {"", defaultTokenLogin}} {
		if w := BranchWarning(tc[0], tc[1]); w != "" {
			t.Errorf("BranchWarning(%q, %q) = %q, want none", tc[0], tc[1], w)
		}
	}
}
