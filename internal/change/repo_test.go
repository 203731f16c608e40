package change

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

func TestFromGitOddPaths(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("base", map[string]string{"plain old.txt": gittest.Lines("old", 10), "keep": "k\n"})
	r.Git("checkout", "-q", "-b", "hotfix/paths")
	r.Git("mv", "plain old.txt", "new\tname\nwith breaks.txt")
	r.Commit("odd", map[string]string{
		"dir with space/ünïcödé ✓.txt": "u\n",
		"tab\there.txt":                "t\n",
		"line\nbreak.txt":              "n\n",
		`quote"and\backslash.txt`:      "q\n",
		"-dash.txt":                    "d\n",
		"diff --git a b.txt":           "diff --git a/x b/x\n@@ -1 +1 @@\n",
	})

	got, err := FromGit(context.Background(), r.Dir, "main", "hotfix/paths")
	if err != nil {
		t.Fatal(err)
	}
	want := []File{
		{Path: "-dash.txt", Status: Added, Additions: 1},
		{Path: "diff --git a b.txt", Status: Added, Additions: 2},
		{Path: "dir with space/ünïcödé ✓.txt", Status: Added, Additions: 1},
		{Path: "line\nbreak.txt", Status: Added, Additions: 1},
		{Path: "new\tname\nwith breaks.txt", OldPath: "plain old.txt", Status: Renamed, Similarity: 100},
		{Path: `quote"and\backslash.txt`, Status: Added, Additions: 1},
		{Path: "tab\there.txt", Status: Added, Additions: 1},
	}
	if diff := cmp.Diff(got.Files, want); diff != "" {
		t.Errorf("files (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(setTotals(got), numstat(t, r.Dir, "main", "hotfix/paths")); diff != "" {
		t.Errorf("totals (-got +numstat):\n%s", diff)
	}
}

// mergedHistory builds main and a hotfix branch that merged main into itself, and returns the
// expected commits of main...hotfix.
func mergedHistory(t *testing.T) (*gittest.Repo, []Commit) {
	r := gittest.New(t)
	root := r.Commit("root", map[string]string{"a.txt": "a\n", "b.txt": "b\n", "sub/s.txt": "s\n"})
	r.Git("checkout", "-q", "-b", "hotfix/merge")
	fix := r.Commit("fix a", map[string]string{"a.txt": "a2\n"})
	r.Git("checkout", "-q", "main")
	other := r.Commit("unrelated on main", map[string]string{"c.txt": "c\n"})
	r.Git("checkout", "-q", "hotfix/merge")
	r.Git("merge", "-q", "--no-ff", "-m", "Merge branch 'main' into hotfix/merge", "main")
	merge := r.Git("rev-parse", "HEAD")
	r.Git("checkout", "-q", "main")
	r.Commit("later on main", map[string]string{"d.txt": "d\n"})
	_ = root
	return r, []Commit{
		{SHA: fix, Parents: []string{root}, Subject: "fix a"},
		{SHA: merge, Parents: []string{fix, other}, Subject: "Merge branch 'main' into hotfix/merge"},
	}
}

func TestFromGitMergeInRange(t *testing.T) {
	t.Parallel()
	r, want := mergedHistory(t)
	got, err := FromGit(context.Background(), r.Dir, "main", "hotfix/merge")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got.Commits, want); diff != "" {
		t.Errorf("commits (-got +want):\n%s", diff)
	}
	if !got.Commits[1].Merge() || got.Commits[0].Merge() {
		t.Errorf("Merge() = %v, %v; want false, true", got.Commits[0].Merge(), got.Commits[1].Merge())
	}
	if diff := cmp.Diff(setTotals(got), numstat(t, r.Dir, "main", "hotfix/merge")); diff != "" {
		t.Errorf("totals (-got +numstat):\n%s", diff)
	}
}

func TestFromGitRepositoryKinds(t *testing.T) {
	t.Parallel()
	r, _ := mergedHistory(t)
	bare := filepath.Join(t.TempDir(), "bare.git")
	r.Git("clone", "-q", "--bare", r.Dir, bare)
	worktree := filepath.Join(t.TempDir(), "wt")
	r.Git("worktree", "add", "-q", worktree, "hotfix/merge")
	want, err := FromGit(context.Background(), r.Dir, "main", "hotfix/merge")
	if err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{"bare": bare, "worktree": worktree, "subdir of worktree": filepath.Join(worktree, "sub")} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := FromGit(context.Background(), dir, "main", "hotfix/merge")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got, want); diff != "" {
				t.Errorf("set (-got +want):\n%s", diff)
			}
		})
	}
}

func TestFromGitEmpty(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("root", map[string]string{"a.txt": "a\n"})
	got, err := FromGit(context.Background(), r.Dir, "main", "main")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Files) != 0 || len(got.Commits) != 0 {
		t.Errorf("files, commits = %v, %v; want none", got.Files, got.Commits)
	}
}

func TestFromGitIgnoresOutputConfig(t *testing.T) {
	t.Parallel()
	r, _ := mergedHistory(t)
	want, err := FromGit(context.Background(), r.Dir, "main", "hotfix/merge")
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range [][2]string{
		{"color.ui", "always"}, {"color.diff", "always"}, {"diff.external", "false"},
		{"diff.noprefix", "true"}, {"diff.mnemonicPrefix", "true"}, {"diff.context", "7"},
		{"diff.interHunkContext", "9"}, {"diff.submodule", "log"}, {"diff.relative", "true"},
		{"log.showSignature", "true"}, {"core.quotePath", "true"}, {"diff.suppressBlankEmpty", "true"},
	} {
		r.Git("config", kv[0], kv[1])
	}
	got, err := FromGit(context.Background(), filepath.Join(r.Dir, "sub"), "main", "hotfix/merge")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("set with output config (-got +want):\n%s", diff)
	}
}

func TestFromGitSubmodule(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	first := r.Commit("root", map[string]string{"a.txt": "a\n"})
	second := r.Commit("second", map[string]string{"a.txt": "b\n"})
	r.Git("update-index", "--add", "--cacheinfo", "160000,"+first+",vendor/lib")
	r.Git("commit", "-qm", "add submodule")
	r.Git("checkout", "-q", "-b", "hotfix/bump")
	r.Git("update-index", "--cacheinfo", "160000,"+second+",vendor/lib")
	r.Git("commit", "-qm", "bump submodule")
	r.Git("config", "diff.submodule", "log")
	got, err := FromGit(context.Background(), r.Dir, "main", "hotfix/bump")
	if err != nil {
		t.Fatal(err)
	}
	want := []File{{Path: "vendor/lib", Status: Modified, Additions: 1, Deletions: 1}}
	if diff := cmp.Diff(got.Files, want); diff != "" {
		t.Errorf("files (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(setTotals(got), numstat(t, r.Dir, "main", "hotfix/bump")); diff != "" {
		t.Errorf("totals (-got +numstat):\n%s", diff)
	}
}

func TestFromGitRunsNoTextconv(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("root", map[string]string{".gitattributes": "*.txt diff=upper\n", "a.txt": "a\nb\n"})
	r.Git("checkout", "-q", "-b", "hotfix/conv")
	r.Commit("fix", map[string]string{"a.txt": "a\nc\nd\n"})
	marker := filepath.Join(t.TempDir(), "ran")
	r.Git("config", "diff.upper.textconv", "touch '"+marker+"'; tr a-z A-Z <")
	got, err := FromGit(context.Background(), r.Dir, "main", "hotfix/conv")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(setTotals(got), numstat(t, r.Dir, "main", "hotfix/conv")); diff != "" {
		t.Errorf("totals (-got +numstat):\n%s", diff)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("FromGit ran the textconv command")
	}
}
