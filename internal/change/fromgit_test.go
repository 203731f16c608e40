package change

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// baseFiles is the content every status case starts from.
var baseFiles = map[string]string{
	"src/app.go":     gittest.Lines("app", 20),
	"src/indent.py":  "def f():\n    return 1\n\ndef g():\n    return 2\n",
	"src/trail.txt":  "alpha\nbeta\ngamma\n",
	"src/crlf.txt":   "one\ntwo\nthree\n",
	"src/blank.txt":  "first\nsecond\nthird\n",
	"src/moved.go":   gittest.Lines("moved", 30),
	"src/gone.go":    gittest.Lines("gone", 4),
	"bin/run.sh":     "#!/bin/sh\necho run\n",
	"docs/space.md":  "a b c\n",
	"src/retype.txt": "target\n",
}

func TestFromGitStatuses(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("base", baseFiles)
	writeFile(t, r, "assets/logo.png", []byte("\x89PNG\x00\x01\x02"), 0o644)
	r.Commit("binary on main", nil)
	base := r.Git("rev-parse", "HEAD")
	r.Git("checkout", "-q", "-b", "hotfix/x")
	r.Git("mv", "src/moved.go", "src/renamed.go")
	r.Git("rm", "-q", "src/gone.go", "src/retype.txt")
	r.Git("commit", "-qm", "drop")
	if err := os.Symlink("app.go", filepath.Join(r.Dir, "src/retype.txt")); err != nil {
		t.Fatal(err)
	}
	r.Git("add", "src/retype.txt")
	if err := os.Chmod(filepath.Join(r.Dir, "bin/run.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	r.Git("add", "bin/run.sh")
	r.Git("commit", "-qm", "restructure")
	r.Write(map[string]string{
		"src/app.go":     strings.Replace(gittest.Lines("app", 20), "app line 7\n", "app line seven\n", 1),
		"src/indent.py":  "def f():\n\treturn 1\n\ndef g():\n\treturn 2\n",
		"src/trail.txt":  "alpha  \nbeta\t\ngamma\n",
		"src/crlf.txt":   "one\r\ntwo\r\nthree\r\n",
		"src/blank.txt":  "first\n\nsecond\n\n\nthird\n",
		"src/renamed.go": strings.Replace(gittest.Lines("moved", 30), "moved line 3\n", "moved line three\n", 1),
		"src/new.go":     "package src\n",
		"docs/space.md":  "a  b c\nd\n",
	})
	writeFile(t, r, "assets/logo.png", []byte("\x89PNG\x00\x03\x04"), 0o644)
	writeFile(t, r, "src/empty.txt", nil, 0o644)
	r.Git("add", "-A")
	r.Git("commit", "-qm", "fix")
	head := r.Git("rev-parse", "HEAD")

	got, err := FromGit(context.Background(), r.Dir, "main", "hotfix/x")
	if err != nil {
		t.Fatal(err)
	}
	want := []File{
		{Path: "assets/logo.png", Status: Modified, Binary: true},
		{Path: "bin/run.sh", Status: Modified, OldMode: "100644", NewMode: "100755"},
		{Path: "docs/space.md", Status: Modified, Additions: 2, Deletions: 1},
		{Path: "src/app.go", Status: Modified, Additions: 1, Deletions: 1},
		{Path: "src/blank.txt", Status: Modified, Additions: 3, WhitespaceOnly: true},
		{Path: "src/crlf.txt", Status: Modified, Additions: 3, Deletions: 3, WhitespaceOnly: true},
		{Path: "src/empty.txt", Status: Added},
		{Path: "src/gone.go", Status: Deleted, Deletions: 4},
		{Path: "src/indent.py", Status: Modified, Additions: 2, Deletions: 2, WhitespaceOnly: true},
		{Path: "src/new.go", Status: Added, Additions: 1},
		{Path: "src/renamed.go", OldPath: "src/moved.go", Status: Renamed, Similarity: 95, Additions: 1, Deletions: 1},
		{Path: "src/retype.txt", Status: Modified, OldMode: "100644", NewMode: "120000", Additions: 1, Deletions: 1},
		{Path: "src/trail.txt", Status: Modified, Additions: 2, Deletions: 2, WhitespaceOnly: true},
	}
	if diff := cmp.Diff(got.Files, want); diff != "" {
		t.Errorf("files (-got +want):\n%s", diff)
	}
	if got.BaseSHA != base || got.HeadSHA != head {
		t.Errorf("shas = %s..%s, want %s..%s", got.BaseSHA, got.HeadSHA, base, head)
	}
	if diff := cmp.Diff(setTotals(got), numstat(t, r.Dir, "main", "hotfix/x")); diff != "" {
		t.Errorf("totals (-got +numstat):\n%s", diff)
	}
}
