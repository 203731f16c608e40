package report

import (
	"strings"
	"testing"
	"time"
)

// TestParseSince: days, hours and dates are windows; anything else names the valid forms.
func TestParseSince(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Time{
		"90d":        now.Add(-90 * 24 * time.Hour),
		" 12h ":      now.Add(-12 * time.Hour),
		"2026-01-31": time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC),
	} {
		if got, err := ParseSince(in, now); err != nil || !got.Equal(want) {
			t.Errorf("ParseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "0d", "-3d", "3w", "d", "2026-13-01"} {
		if _, err := ParseSince(bad, now); err == nil || !strings.Contains(err.Error(), "use Nd (90d), Nh (12h) or a date") {
			t.Errorf("ParseSince(%q) = %v, want the valid forms named", bad, err)
		}
	}
}
