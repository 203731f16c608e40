package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ParseSince reads a window: "90d", "12h", or a date (YYYY-MM-DD, UTC midnight), before now.
func ParseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, nil
	}
	units := map[string]time.Duration{"d": 24 * time.Hour, "h": time.Hour}
	for suffix, unit := range units {
		if num, ok := strings.CutSuffix(s, suffix); ok {
			if n, err := strconv.Atoi(num); err == nil && n > 0 {
				return now.Add(-time.Duration(n) * unit), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("--since %q is not a window; use Nd (90d), Nh (12h) or a date (2026-01-31)", s)
}
