package guard

import (
	"bytes"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

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
			golden.Check(t, tt.name+".txt.golden", text.String())
			golden.Check(t, tt.name+".md.golden", res.Markdown(h))
		})
	}
}
