package localguard

import (
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		c       Check
		wantErr string
	}{
		{"nothing given", Check{}, ""},
		{"a severity and limits", Check{Severity: "P1", Limits: config.Limits{MaxLines: 10}}, ""},
		{"an unknown severity", Check{Severity: "P9"}, `--severity "P9" is not a severity; valid: P0, P1, P2, P3`},
		{"a negative limit", Check{Limits: config.Limits{MaxFiles: -1}}, "--max-files -1 is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := tt.c.Validate()
			if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
				t.Errorf("Validate() = %v, want an error with %q", err, tt.wantErr)
			}
		})
	}
}
