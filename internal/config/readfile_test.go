package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// templateRepo makes a repository whose main has a postmortem template and whose hotfix branch
// rewrites it, with a directory, a symlink and look-alike names beside it.
func templateRepo(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Commit("template", map[string]string{
		".github/postmortem.md":      "base template\n",
		".github/postmortem.md.orig": "other\n",
		"docs/a.md":                  "a\n",
	})
	if err := os.Symlink("postmortem.md", filepath.Join(r.Dir, ".github", "link.md")); err != nil {
		t.Fatal(err)
	}
	r.Commit("link", nil)
	r.Git("checkout", "-q", "-b", "hotfix/x")
	r.Commit("rewrite the template", map[string]string{".github/postmortem.md": "hotfix template\n"})
	r.Write(map[string]string{".github/postmortem.md": "worktree template\n"})
	return r
}

func TestReadFileReadsTheRef(t *testing.T) {
	t.Parallel()
	r := templateRepo(t)
	for _, tc := range []struct {
		dir, ref, path, want string
		found                bool
	}{
		{r.Dir, "main", ".github/postmortem.md", "base template\n", true},
		{r.Dir, "hotfix/x", ".github/postmortem.md", "hotfix template\n", true},
		{filepath.Join(r.Dir, "docs"), "main", ".github/postmortem.md", "base template\n", true},
		{r.Dir, "main", ".github/postmortem", "", false},
		{r.Dir, "main", "missing.md", "", false},
		{r.Dir, "main", "docs/a.md/b", "", false},
	} {
		data, found, err := fileOnRef(context.Background(), tc.dir, tc.ref, tc.path)
		if err != nil {
			t.Errorf("fileOnRef(%s, %s, %s): %v", tc.dir, tc.ref, tc.path, err)
			continue
		}
		if string(data) != tc.want || found != tc.found {
			t.Errorf("fileOnRef(%s, %s, %s) = %q, %t; want %q, %t", tc.dir, tc.ref, tc.path, data, found, tc.want, tc.found)
		}
	}
}

func TestReadFileErrors(t *testing.T) {
	t.Parallel()
	r := templateRepo(t)
	notRepo := t.TempDir()
	link := r.Git("rev-parse", "main:.github/link.md")
	tree := r.Git("rev-parse", "main:docs")
	for name, tc := range map[string]struct {
		dir, ref, path string
		kind           error
		want           string
	}{
		"directory":   {r.Dir, "main", "docs", ErrInvalid, "read docs on main: invalid policy: docs is not a regular file (040000 tree " + tree + ")"},
		"symlink":     {r.Dir, "main", ".github/link.md", ErrInvalid, "read .github/link.md on main: invalid policy: .github/link.md is not a regular file (120000 blob " + link + ")"},
		"unknown ref": {r.Dir, "nope", "docs/a.md", ErrBaseRef, `bad base ref "nope": no refs/remotes/origin/nope or refs/heads/nope in ` + r.Dir + " (a tag is never read for the policy; give a branch, a full ref or a commit SHA)"},
		"option ref":  {r.Dir, "-p", "docs/a.md", ErrBaseRef, `bad base ref "-p": a ref must not be empty or start with "-"; give a branch, e.g. main`},
		"not a repo":  {notRepo, "main", "docs/a.md", ErrRepo, "not a git repository: " + notRepo + ": git cat-file: not a git repository (or any of the parent directories): .git"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, _, err := fileOnRef(context.Background(), tc.dir, tc.ref, tc.path)
			if !errors.Is(err, tc.kind) {
				t.Fatalf("fileOnRef error = %v, want one matching %v", err, tc.kind)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("fileOnRef error\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}

func TestReadFileRefusesPathsOutsideTheTree(t *testing.T) {
	t.Parallel()
	r := templateRepo(t)
	const hint = "; give a path from the repository root, e.g. .github/postmortem.md"
	for path, want := range map[string]string{
		"":              `read "" on main: the path is empty` + hint,
		"../x.md":       `read "../x.md" on main: the path has a ".." component` + hint,
		"./docs/a.md":   `read "./docs/a.md" on main: the path has a "." component` + hint,
		"/docs/a.md":    `read "/docs/a.md" on main: the path starts with "/"` + hint,
		".github/":      `read ".github/" on main: the path ends with "/"` + hint,
		"-- docs/a.md":  "",
		"docs//a.md":    `read "docs//a.md" on main: the path contains "//"` + hint,
		"docs/a\x00.md": `read "docs/a\x00.md" on main: the path contains "\x00"` + hint,
	} {
		data, found, err := fileOnRef(context.Background(), r.Dir, "main", path)
		if want == "" {
			if err != nil || found {
				t.Errorf("fileOnRef(%q) = %q, %t, %v; want not found", path, data, found, err)
			}
			continue
		}
		if err == nil || err.Error() != want {
			t.Errorf("fileOnRef(%q) error = %v, want %s", path, err, want)
		}
	}
}
