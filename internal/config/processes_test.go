package config

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// TestPolicyFromOneGitProcess counts the git processes that reading the policy from the base
// starts, through a git on PATH that logs its subcommand (after -C dir) and runs the real one:
// one `git cat-file --batch` resolves the base and reads the file, whether the policy is on the
// remote-tracking branch, only on the local branch, or not there at all. It sets PATH, so it
// does not run in parallel.
func TestPolicyFromOneGitProcess(t *testing.T) {
	logFile := gittest.LogCalls(t)
	r := gittest.New(t)
	r.Commit("policy", map[string]string{DefaultPath: strictPolicy})
	r.Git("update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "main"))
	r.Git("checkout", "-q", "-b", "bare")
	r.Git("rm", "-q", DefaultPath)
	r.Commit("no policy", nil)
	for _, tc := range []struct {
		base, ref string
		maxLines  int
		defaults  bool
	}{
		{"main", "refs/remotes/origin/main", 20, false},
		{"bare", "refs/heads/bare", Default().Guard.MaxLines, true},
		{r.Git("rev-parse", "main"), r.Git("rev-parse", "main"), 20, false},
	} {
		os.Remove(logFile)
		p, src, err := (&Resolver{Dir: r.Dir}).Resolve(context.Background(), tc.base)
		if err != nil || p.Guard.MaxLines != tc.maxLines || src.Ref != tc.ref || src.Defaults != tc.defaults {
			t.Errorf("Resolve(%s) = max_lines %d from %+v, %v; want %d from %s (defaults %t)", tc.base, p.Guard.MaxLines, src, err, tc.maxLines, tc.ref, tc.defaults)
		}
		data, _ := os.ReadFile(logFile)
		if diff := cmp.Diff(strings.Fields(string(data)), []string{"cat-file"}); diff != "" {
			t.Errorf("Resolve(%s): git processes (-got +want):\n%s", tc.base, diff)
		}
	}
	os.Remove(logFile)
	if ref, err := ResolveBase(context.Background(), r.Dir, "bare"); err != nil || ref != "refs/heads/bare" {
		t.Errorf("ResolveBase(bare) = %q, %v; want refs/heads/bare", ref, err)
	}
	if data, _ := os.ReadFile(logFile); string(data) != "cat-file\n" {
		t.Errorf("ResolveBase(bare) started %q, want one cat-file", data)
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
