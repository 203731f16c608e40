package verify

import "time"

// Elapsed writes a duration with the precision it needs: milliseconds under a second ("415ms"),
// tenths of a second under a minute ("12.3s"), whole seconds above ("1m20s"). A duration that
// rounds to nothing is "<1ms", never "0s".
func Elapsed(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return "<1ms"
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
}
