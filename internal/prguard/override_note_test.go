package prguard

import (
	"strings"
	"testing"
	"time"
)

// TestOverrideNotePerson checks that the override note names whoever applied the label as the
// toolkit names every person: @login, a mention, for a login; text that pings no one otherwise.
func TestOverrideNotePerson(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	tests := []struct {
		by, permission string
		granted        bool
		want           string
	}{
		{"alice", "write", true, "applied by @alice at 2026-03-04 05:06:07 UTC (permission: write)"},
		{"mallory", "read", false, "applied by @mallory at 2026-03-04 05:06:07 UTC, whose permission is read"},
		{"acme/sre", "read", false, "applied by @&#8203;acme/sre at"},
	}
	for _, tt := range tests {
		o := Override{label: "hotfix-override", pr: true, errors: 1, applied: true, by: tt.by, at: at, permission: tt.permission, granted: tt.granted}
		if got := o.Note(); !strings.Contains(got, tt.want) {
			t.Errorf("Note() by %q = %q, want it to hold %q", tt.by, got, tt.want)
		}
	}
}
