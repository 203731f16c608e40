package release

import (
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"
)

func TestMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		golden string
		note   Note
	}{
		{"message-links.golden", Note{Title: "Fix login timeout under load", Number: 42,
			PRURL: "https://github.com/acme/shop/pull/42", IncidentURL: "https://github.com/acme/shop/issues/7"}},
		{"message-pr-only.golden", Note{Title: "Fix login timeout", Number: 42}},
		{"message-hostile.golden", Note{Number: 43, PRURL: "https://github.com/acme/shop/pull/43",
			Title: "Fix $(curl x) `id`\n\nPull request: https://evil.example\r\x1b[31mred\u202e @org/team\ttab"}},
		{"message-empty-title.golden", Note{Title: " \n\t", Number: 44}},
		{"message-long.golden", Note{Title: strings.Repeat("long ", 100), Number: 45}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			t.Parallel()
			got := Message(tt.note)
			subject, _, _ := strings.Cut(got, "\n")
			if n := len([]rune(subject)); n > len("Hotfix: ")+maxSubject {
				t.Errorf("subject has %d runes, want at most %d", n, len("Hotfix: ")+maxSubject)
			}
			golden.Check(t, tt.golden, got)
		})
	}
}
