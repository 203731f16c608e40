package prguard

import (
	"fmt"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

func TestOutcomeStatusDescription(t *testing.T) {
	t.Parallel()
	var findings []guard.Finding
	for i := range 30 {
		findings = append(findings, guard.Finding{Rule: fmt.Sprintf("rule-number-%d", i), Level: config.LevelError})
	}
	tests := []struct {
		name string
		o    Outcome
		want string
	}{
		{"pass", Outcome{Result: guard.Result{Verdict: guard.Pass, ChangedFiles: 2, Additions: 3, Deletions: 1}}, "PASS: 2 files, 4 lines"},
		{"overridden", Outcome{Result: guard.Result{Verdict: guard.Pass, ChangedFiles: 1}, Override: Override{granted: true, by: "alice", errors: 2}},
			"PASS by override of alice: 2 failures as warnings; 1 file, 0 lines"},
		{"one of each", Outcome{Result: guard.Result{Verdict: guard.Fail, ChangedFiles: 1, Additions: 1, Findings: findings[:1]}}, "FAIL: 1 error (rule-number-0); 1 file, 1 line"},
		{"one warning", Outcome{Result: guard.Result{Verdict: guard.Pass, ChangedFiles: 3, Additions: 1, Findings: []guard.Finding{{Rule: "no-renames", Level: config.LevelWarn}}}}, "PASS with 1 warning; 3 files, 1 line"},
		{"one override", Outcome{Result: guard.Result{Verdict: guard.Pass, ChangedFiles: 1}, Override: Override{granted: true, by: "alice", errors: 1}},
			"PASS by override of alice: 1 failure as a warning; 1 file, 0 lines"},
		{"many rules", Outcome{Result: guard.Result{Verdict: guard.Fail, Findings: findings}},
			"FAIL: 30 errors (rule-number-0, rule-number-1, rule-number-2, rule-number-3, rule-number-4, rule-number-5, rule-number-6, rule-number-7, ru…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.o.description()
			if got != tt.want || len([]rune(got)) > gh.MaxStatusDescription {
				t.Errorf("description %q (%d characters), want %q", got, len([]rune(got)), tt.want)
			}
		})
	}
}
