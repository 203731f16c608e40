package markdown

import "fmt"

// Count says how many of noun there are, in the singular for one: "0 steps", "1 step", "2 steps".
// Nouns with an irregular plural are not for it.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
