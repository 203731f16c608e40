package guard

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// TestTighten: a caller's limits may lower the severity's limits, never raise them; 0 keeps the
// policy's, and the per-severity limits are folded into one set.
func TestTighten(t *testing.T) {
	t.Parallel()
	policy := func() config.Guard {
		return config.Guard{Limits: config.Limits{MaxLines: 100, MaxFiles: 10, MaxCommits: 5},
			Severity: map[string]config.Limits{"P0": {MaxLines: 200}}}
	}
	tests := []struct {
		name     string
		severity string
		given    config.Limits
		want     config.Limits
		wantErr  string
	}{
		{"none given", "", config.Limits{}, config.Limits{MaxLines: 100, MaxFiles: 10, MaxCommits: 5}, ""},
		{"lower", "", config.Limits{MaxLines: 50, MaxCommits: 1}, config.Limits{MaxLines: 50, MaxFiles: 10, MaxCommits: 1}, ""},
		{"the severity's limit", "P0", config.Limits{MaxLines: 150}, config.Limits{MaxLines: 150, MaxFiles: 10, MaxCommits: 5}, ""},
		{"looser", "", config.Limits{MaxFiles: 11}, config.Limits{}, "--max-files 11 is looser than the policy's 10"},
		{"looser than the severity's", "P0", config.Limits{MaxLines: 201}, config.Limits{}, "--max-lines 201 is looser than the policy's 200"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			g := policy()
			err := Tighten(&g, tt.severity, tt.given)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Tighten: %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(g, config.Guard{Limits: tt.want}); diff != "" {
				t.Errorf("guard after Tighten (-got +want):\n%s", diff)
			}
		})
	}
}
