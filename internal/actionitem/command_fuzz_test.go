package actionitem

import (
	"strings"
	"testing"
)

// FuzzIsCommand checks that only a comment that is exactly the command (give or take spaces and
// line breaks around it) counts: a quote of it, a longer word or any text beside it does not.
func FuzzIsCommand(f *testing.F) {
	for _, s := range []string{Command, " /create-action-items\r\n", "> /create-action-items", "/create-action-items please", "/Create-Action-Items", "/create-action-items\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		want := strings.TrimSpace(body) == Command && len(strings.Fields(body)) == 1
		if got := IsCommand(body); got != want {
			t.Fatalf("IsCommand(%q) = %v, want %v", body, got, want)
		}
	})
}
