package config

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// TestPolicyFromOneGitProcess counts the git processes that reading the policy from the base
// starts, through a git on PATH that logs its subcommand (after -C dir) and runs the real one:
// in an ordinary repository, none (the refs and objects are read from its files, git.Files),
// whether the policy is on the remote-tracking branch, only on the local branch, or not there at
// all, loose or packed; where the files can't answer (here, a repository with alternates), one
// `git cat-file --batch` resolves the base and reads the file. It sets PATH, so it does not run
// in parallel.
func TestPolicyFromOneGitProcess(t *testing.T) {
	logFile := gittest.LogCalls(t)
	r := gittest.New(t)
	r.Commit("policy", map[string]string{DefaultPath: strictPolicy})
	r.Git("update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "main"))
	r.Git("checkout", "-q", "-b", "bare")
	r.Git("rm", "-q", DefaultPath)
	r.Commit("no policy", nil)
	borrower := filepath.Join(t.TempDir(), "borrower")
	r.Git("clone", "-q", "--shared", r.Dir, borrower) // objects/info/alternates
	exec.Command("git", "-C", borrower, "update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "main")).Run()
	for _, stage := range []struct {
		name, dir string
		want      []string
	}{
		{"loose", r.Dir, nil},
		{"packed", r.Dir, nil},
		{"with alternates", borrower, []string{"cat-file"}},
	} {
		if stage.name == "packed" {
			r.Git("gc", "-q", "--aggressive") // packs the objects and the refs
			os.Remove(logFile)
		}
		for _, tc := range []struct {
			base, ref string
			maxLines  int
			defaults  bool
		}{
			{"main", "refs/remotes/origin/main", 20, false},
			{"bare", "refs/heads/bare", Default().Guard.MaxLines, true},
			{r.Git("rev-parse", "main"), r.Git("rev-parse", "main"), 20, false},
		} {
			if stage.dir == borrower && tc.base == "bare" {
				tc.ref = "refs/remotes/origin/bare"
			}
			os.Remove(logFile)
			p, src, err := (&Resolver{Dir: stage.dir}).Resolve(context.Background(), tc.base)
			if err != nil || p.Guard.MaxLines != tc.maxLines || src.Ref != tc.ref || src.Defaults != tc.defaults {
				t.Errorf("%s: Resolve(%s) = max_lines %d from %+v, %v; want %d from %s (defaults %t)", stage.name, tc.base, p.Guard.MaxLines, src, err, tc.maxLines, tc.ref, tc.defaults)
			}
			data, _ := os.ReadFile(logFile)
			if diff := cmp.Diff(strings.Fields(string(data)), stage.want, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s: Resolve(%s): git processes (-got +want):\n%s", stage.name, tc.base, diff)
			}
		}
		os.Remove(logFile)
		if ref, err := ResolveBase(context.Background(), stage.dir, "main"); err != nil || ref != "refs/remotes/origin/main" {
			t.Errorf("%s: ResolveBase(main) = %q, %v; want refs/remotes/origin/main", stage.name, ref, err)
		}
		if data, _ := os.ReadFile(logFile); len(stage.want) == 0 && len(data) != 0 {
			t.Errorf("%s: ResolveBase(main) started %q, want no git process", stage.name, data)
		}
	}
}

func TestFirstBaseRef(t *testing.T) {
	t.Parallel()
	sha := strings.Repeat("ab", 20)
	for base, want := range map[string]string{
		"main":            "refs/remotes/origin/main",
		"release/1.x~1":   "refs/remotes/origin/release/1.x~1",
		"origin/main":     "refs/remotes/origin/main",
		"refs/heads/main": "refs/heads/main",
		sha:               sha,
		"":                "",
		"-p":              "",
		"main..x":         "",
		"refs/x\nHEAD":    "",
	} {
		if got := FirstBaseRef(base); got != want {
			t.Errorf("FirstBaseRef(%q) = %q, want %q", base, got, want)
		}
	}
}

// TestPolicyInASHA256Repository reads the policy where object names are 32 bytes in trees.
func TestPolicyInASHA256Repository(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=a", "-c", "user.email=a@example.com"}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q", "--object-format=sha256", "-b", "main")
	if err := os.MkdirAll(filepath.Join(dir, ".github"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{DefaultPath: strictPolicy, ".github/a.yml": "a\n", ".github/z.yml": "z\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("add", ".")
	git("commit", "-q", "-m", "policy")
	p, src, err := (&Resolver{Dir: dir}).Resolve(context.Background(), "main")
	if err != nil || p.Guard.MaxLines != 20 || src.Ref != "refs/heads/main" {
		t.Errorf("Resolve(main) = max_lines %d from %s, %v; want 20 from refs/heads/main", p.Guard.MaxLines, src, err)
	}
	if data, found, err := fileOnRef(context.Background(), dir, "main", ".github/z.yml"); err != nil || !found || string(data) != "z\n" {
		t.Errorf("fileOnRef(.github/z.yml) = %q, %t, %v; want z", data, found, err)
	}
}

func TestFindEntryRefusesAMalformedTree(t *testing.T) {
	t.Parallel()
	id := strings.Repeat("\x01", 20)
	for name, tree := range map[string]string{
		"no space":       "100644a.yml\x00" + id,
		"short id":       "100644 a.yml\x00" + id[:10],
		"mode not octal": "10064x a.yml\x00" + id,
	} {
		if _, _, err := findEntry([]byte(tree), "a.yml", 20); err == nil || !strings.HasPrefix(err.Error(), "malformed tree object") {
			t.Errorf("%s: findEntry error = %v, want malformed tree object", name, err)
		}
	}
	e, found, err := findEntry([]byte("100644 a.yml\x00"+id+"100755 b.yml\x00"+id), "b.yml", 20)
	if err != nil || !found || !e.regular() || e.String() != "100755 blob "+strings.Repeat("01", 20) {
		t.Errorf("findEntry(b.yml) = %v, %t, %v; want 100755 blob 0101…", e, found, err)
	}
}

// TestLikelyBaseRef: the guess names the ref the policy will come from, from the files alone:
// origin's branch in a clone, the local branch where there is no origin, and the first ref
// tried where it can't tell.
func TestLikelyBaseRef(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	sha := r.Commit("first", map[string]string{"a.txt": "a\n"})
	r.Git("branch", "release/1.x")
	r.Git("update-ref", "refs/remotes/origin/main", sha)
	for _, tc := range []struct{ dir, base, want string }{
		{r.Dir, "main", "refs/remotes/origin/main"},
		{r.Dir, "release/1.x", "refs/heads/release/1.x"},
		{r.Dir, "release/1.x~1", "refs/heads/release/1.x~1"},
		{r.Dir, "nope", "refs/remotes/origin/nope"},
		{r.Dir, "refs/heads/main", "refs/heads/main"},
		{r.Dir, sha, sha},
		{r.Dir, "-x", ""},
		{t.TempDir(), "main", "refs/remotes/origin/main"},
	} {
		if got := LikelyBaseRef(tc.dir, tc.base); got != tc.want {
			t.Errorf("LikelyBaseRef(%s) = %q, want %q", tc.base, got, tc.want)
		}
	}
	r.Git("pack-refs", "--all")
	if got := LikelyBaseRef(r.Dir, "release/1.x"); got != "refs/heads/release/1.x" {
		t.Errorf("with packed refs: LikelyBaseRef(release/1.x) = %q, want refs/heads/release/1.x", got)
	}
}
