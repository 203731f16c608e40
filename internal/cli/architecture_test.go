package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArchitectureMapMatchesTheTree: docs/architecture.md names every package under internal/,
// and no package that is gone.
func TestArchitectureMapMatchesTheTree(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "architecture.md"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir("..")
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		named["internal/"+e.Name()] = true
		if !strings.Contains(string(doc), "`internal/"+e.Name()+"`") {
			t.Errorf("docs/architecture.md's package table lacks internal/%s", e.Name())
		}
	}
	for _, field := range strings.Split(string(doc), "`") {
		if strings.HasPrefix(field, "internal/") && !strings.Contains(field, " ") && !strings.Contains(field, ".") && !named[field] {
			t.Errorf("docs/architecture.md names %s, which is not in the tree", field)
		}
	}
}
