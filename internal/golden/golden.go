// Package golden compares rendered text (issue bodies, comments, summaries, tag messages) with
// files under a test's testdata directory. `go test ./... -update` rewrites the files from what
// the code renders now; review the diff before committing it.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Check compares got with testdata/name, or writes it there when -update is set.
func Check(t testing.TB, name, got string) {
	t.Helper()
	check(t, filepath.Join("testdata", name), got, *update)
}

// check is Check on the file at path, rewriting it first when rewrite is true.
func check(t testing.TB, path, got string, rewrite bool) {
	t.Helper()
	if rewrite {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if diff := Diff(string(want), got); diff != "" {
		t.Errorf("%s differs from the golden file (-want +got; go test -update rewrites it):\n%s", path, diff)
	}
}

// Diff returns the lines that differ between want and got, "" when they are equal: a failing
// golden test shows what changed, not the whole output.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	return cmp.Diff(strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n"))
}
