package route

import (
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

func TestLocalCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		l       Local
		wantErr string
	}{
		{"nothing given", Local{}, ""},
		{"a severity and limits", Local{Severity: "P1", Limits: config.Limits{MaxLines: 10}}, ""},
		{"an unknown severity", Local{Severity: "P9"}, `--severity "P9" is not a severity; valid: P0, P1, P2, P3`},
		{"a negative limit", Local{Limits: config.Limits{MaxFiles: -1}}, "--max-files -1 is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.l.Check()
			if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("Check() = %v, want an error with %q", err, tt.wantErr)
			}
		})
	}
}
