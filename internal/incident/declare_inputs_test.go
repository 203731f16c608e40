package incident

import (
	"strings"
	"testing"
	"time"
)

// TestDeclarationFrom: a flag wins over the dispatch input of the same name, the actor is the
// commander when none is named, and a bad time or branch choice names the input and what is valid.
func TestDeclarationFrom(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	inputs := map[string]string{"title": "Checkout fails", "severity": "P1", "impact_started": "2026-03-04T09:40:00+01:00", "create_branch": "TRUE"}
	d, err := DeclarationFrom(Given{Declaration: Declaration{Severity: "P0"}}, inputs, "alice", 42, Severities, now)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Checkout fails" || d.Severity != "P0" || d.Commander != "alice" || d.RunID != 42 || !d.CreateBranch ||
		!d.ImpactStarted.Equal(time.Date(2026, 3, 4, 8, 40, 0, 0, time.UTC)) {
		t.Errorf("DeclarationFrom = %+v", d)
	}
	for _, tc := range []struct {
		given Given
		want  string
	}{
		{Given{ImpactStarted: "yesterday"}, `impact_started "yesterday" is not an RFC 3339 time`},
		{Given{CreateBranch: "yes"}, `create_branch "yes" is not true or false`},
	} {
		if _, err := DeclarationFrom(tc.given, inputs, "alice", 1, Severities, now); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("DeclarationFrom(%+v) = %v, want %q", tc.given, err, tc.want)
		}
	}
}
