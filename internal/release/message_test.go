package release

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to make it): %v", err)
	}
	if diff := cmp.Diff(got, string(want)); diff != "" {
		t.Errorf("%s (-got +want):\n%s", path, diff)
	}
}

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
			golden(t, tt.golden, got)
		})
	}
}
