package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// policyRepo makes a repository whose main has a strict policy and whose hotfix branch loosens it.
func policyRepo(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Commit("strict policy", map[string]string{DefaultPath: "guard:\n  max_lines: 20\n  max_files: 2\n"})
	r.Git("checkout", "-q", "-b", "hotfix/loosen")
	r.Commit("loosen the policy", map[string]string{DefaultPath: "guard:\n  max_lines: 9000\n  max_files: 900\n  default_deny: false\n"})
	return r
}

func TestLoadReadsThePolicyFromTheBaseRef(t *testing.T) {
	t.Parallel()
	r := policyRepo(t)
	want := Default()
	want.Guard.MaxLines, want.Guard.MaxFiles = 20, 2
	sha := r.Git("rev-parse", "main")
	for base, ref := range map[string]string{"main": "refs/heads/main", "refs/heads/main": "refs/heads/main", sha: sha} {
		got, src, err := load(context.Background(), r.Dir, base, "")
		if err != nil {
			t.Fatalf("load(base %s): %v", base, err)
		}
		if diff := cmp.Diff(got, want); diff != "" {
			t.Errorf("load(base %s) policy (-got +want):\n%s", base, diff)
		}
		if got, want := src.String(), ".github/hotfix.yml on "+ref; got != want {
			t.Errorf("load(base %s) source = %q, want %q", base, got, want)
		}
	}
}

func TestLoadIgnoresTheWorktree(t *testing.T) {
	t.Parallel()
	r := policyRepo(t)
	r.Write(map[string]string{DefaultPath: "guard: {max_lines: 5000}\n"})
	got, _, err := load(context.Background(), r.Dir, "main", "")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got.Guard.MaxLines != 20 {
		t.Errorf("Load max_lines = %d, want 20 from main", got.Guard.MaxLines)
	}
}

func TestLoadDefaultsWhenTheBaseHasNoPolicy(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("no policy", map[string]string{"README.md": "hi\n"})
	r.Git("checkout", "-q", "-b", "hotfix/add-policy")
	r.Commit("add a policy", map[string]string{DefaultPath: "guard: {max_lines: 9000}\n"})
	got, src, err := load(context.Background(), r.Dir, "main", "")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if diff := cmp.Diff(got, Default()); diff != "" {
		t.Errorf("Load policy (-got +want):\n%s", diff)
	}
	if got, want := src.String(), "defaults (no .github/hotfix.yml on refs/heads/main)"; got != want {
		t.Errorf("Load source = %q, want %q", got, want)
	}
}

func TestLoadOverrideFile(t *testing.T) {
	t.Parallel()
	r := policyRepo(t)
	path := filepath.Join(t.TempDir(), "policy.yml")
	if err := os.WriteFile(path, []byte("guard: {max_commits: 3}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, src, err := load(context.Background(), r.Dir, "main", path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got.Guard.MaxCommits != 3 || got.Guard.MaxLines != 200 {
		t.Errorf("Load limits = %+v, want max_commits 3 over the defaults", got.Guard.Limits)
	}
	if got := src.String(); got != path {
		t.Errorf("Load source = %q, want %q", got, path)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	r := policyRepo(t)
	r.Git("checkout", "-q", "main")
	r.Commit("break the policy", map[string]string{DefaultPath: "guard:\n  max_lines: lots\n"})
	r.Git("branch", "broken")
	r.Git("reset", "-q", "--hard", "HEAD~1")
	r.Git("rm", "-q", DefaultPath)
	r.Commit("policy path is a directory", map[string]string{DefaultPath + "/x": "x\n"})
	r.Git("branch", "dir-policy")
	notRepo, missing := t.TempDir(), filepath.Join(t.TempDir(), "none.yml")
	invalid := filepath.Join(t.TempDir(), "bad.yml")
	if err := os.WriteFile(invalid, []byte("guard: {max_files: 0}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		dir, base, override string
		kind                error
		want                string
	}{
		"unknown ref":     {r.Dir, "nope", "", ErrBaseRef, `bad base ref "nope": no refs/remotes/origin/nope or refs/heads/nope in ` + r.Dir + " (a tag is never read for the policy; give a branch, a full ref or a commit SHA)"},
		"option ref":      {r.Dir, "--output=/tmp/x", "", ErrBaseRef, `bad base ref "--output=/tmp/x": a ref must not be empty or start with "-"; give a branch, e.g. main`},
		"empty ref":       {r.Dir, "", "", ErrBaseRef, `bad base ref "": a ref must not be empty or start with "-"; give a branch, e.g. main`},
		"not a repo":      {notRepo, "main", "", ErrRepo, "not a git repository: " + notRepo + ": git cat-file: not a git repository (or any of the parent directories): .git"},
		"invalid on base": {r.Dir, "broken", "", ErrInvalid, ".github/hotfix.yml:2:14: guard.max_lines: want an integer >= 1, got the string \"lots\""},
		"policy is a dir": {r.Dir, "dir-policy", "", ErrInvalid, "read .github/hotfix.yml on refs/heads/dir-policy: invalid policy: .github/hotfix.yml is not a regular file (040000 tree " + r.Git("rev-parse", "dir-policy:.github/hotfix.yml") + ")"},
		"missing file":    {r.Dir, "main", missing, ErrUnreadable, "unreadable policy file " + missing + ": no such file or directory"},
		"dir as file":     {r.Dir, "main", notRepo, ErrUnreadable, "unreadable policy file " + notRepo + ": is a directory"},
		"invalid file":    {r.Dir, "main", invalid, ErrInvalid, invalid + ":1:20: guard.max_files: want an integer >= 1, got 0"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, _, err := load(context.Background(), tc.dir, tc.base, tc.override)
			if !errors.Is(err, tc.kind) {
				t.Fatalf("Load error = %v, want one matching %v", err, tc.kind)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("Load error\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}
