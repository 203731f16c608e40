package cli

import "fmt"

// count says how many of noun there are, in the singular for one: "1 step", "2 steps", "0 steps".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
