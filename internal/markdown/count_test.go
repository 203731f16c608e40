package markdown

import "testing"

func TestCount(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0 steps", 1: "1 step", 2: "2 steps", -1: "-1 steps"} {
		if got := Count(n, "step"); got != want {
			t.Errorf("Count(%d, step) = %q, want %q", n, got, want)
		}
	}
}
