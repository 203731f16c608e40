package gh

import (
	"strings"
	"testing"
)

func TestStatusDescription(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"short", "PASS: 1 files, 2 lines", "PASS: 1 files, 2 lines"},
		{"exactly the limit", strings.Repeat("é", 140), strings.Repeat("é", 140)},
		{"one over", strings.Repeat("é", 141), strings.Repeat("é", 139) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := StatusDescription(tt.in)
			if got != tt.want || len([]rune(got)) > MaxStatusDescription {
				t.Errorf("StatusDescription = %q (%d characters), want %q", got, len([]rune(got)), tt.want)
			}
		})
	}
}
