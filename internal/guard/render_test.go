package guard

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
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
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func TestRender(t *testing.T) {
	t.Parallel()
	warnBinary := config.Default().Guard
	warnBinary.Rules = map[string]config.Level{"no-binary": config.LevelWarn}
	failing := change.Set{Files: []change.File{
		file("src/fix.go", 180, 40),
		file("go.sum", 2, 2),
		{Path: "a|b @team\n.go", Status: change.Modified, Binary: true},
	}, Commits: commits(2)}
	tests := []struct {
		name     string
		set      change.Set
		guard    config.Guard
		severity string
	}{
		{"pass", change.Set{Files: []change.File{file("src/fix.go", 3, 1)}, Commits: commits(1)}, config.Default().Guard, ""},
		{"fail", failing, warnBinary, "P1"},
		{"warn", change.Set{Files: []change.File{{Path: "logo.png", Status: change.Modified, Binary: true}}, Commits: commits(1)}, warnBinary, ""},
	}
	h := Heading{Range: "main...hotfix/login", Policy: "main:.github/hotfix.yml"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := Check(tt.set, tt.guard, tt.severity)
			var text bytes.Buffer
			res.WriteText(&text, h)
			golden(t, tt.name+".txt.golden", text.String())
			golden(t, tt.name+".md.golden", res.Markdown(h))
		})
	}
}
