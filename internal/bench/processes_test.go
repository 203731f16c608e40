package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// TestGuardCommandProcesses counts the git processes of a whole `hotfix guard` (issue #16): one
// diff and one log for the change, the diff (the longer) started first, and none for the base and
// its policy, which are read from the repository's files (git.Files). It once started rev-parse
// and ls-tree before the diff and the log, and later a `cat-file --batch` beside them. A base
// that is only a local branch starts them once too: the files say which ref the policy will come
// from (config.LikelyBaseRef), where a guess of origin's used to start the pair twice. A git on
// PATH logs each subcommand with its PID (the kernel numbers processes in the order they are
// made) and runs the real one; it sets PATH, so it does not run in parallel.
func TestGuardCommandProcesses(t *testing.T) {
	real, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	bin, logFile := t.TempDir(), filepath.Join(t.TempDir(), "calls")
	script := "#!/bin/sh\necho \"$$ $3\" >> " + logFile + "\nexec " + real + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	r := gittest.New(t)
	r.Commit("policy", map[string]string{".github/hotfix.yml": "guard:\n  max_lines: 20\n", "a.go": gittest.Lines("a", 10)})
	r.Git("update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "main"))
	r.Git("branch", "local")
	r.Git("checkout", "-q", "-b", "hotfix/x")
	r.Commit("fix", map[string]string{"a.go": gittest.Lines("a", 9) + "fixed\n"})
	policy := filepath.Join(t.TempDir(), "hotfix.yml")
	if err := os.WriteFile(policy, []byte("guard:\n  max_lines: 20\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	for name, args := range map[string][]string{
		"the policy on origin/main": {"--base", "main"},
		"a commit SHA as the base":  {"--base", r.Git("rev-parse", "main")},
		"the policy from --config":  {"--base", "main", "--config", policy},
		"a full ref as the base":    {"--base", "refs/remotes/origin/main"},
		"a local branch, no origin": {"--base", "local"},
	} {
		os.Remove(logFile)
		out := guardRun(t, r.Dir, append(args, "--head", "hotfix/x")...)
		if !strings.Contains(out, "PASS") || !strings.Contains(out, "1 file, +1 -1") {
			t.Errorf("%s: the guard printed\n%s\nwant a PASS of 1 file, +1 -1", name, out)
		}
		data, _ := os.ReadFile(logFile)
		got := startOrder(t, string(data))
		if len(got) == 0 || got[0] != "diff" {
			t.Errorf("%s: git processes started in the order %q; want the diff, the longest, first", name, got)
		}
		slices.Sort(got)
		if diff := cmp.Diff(got, []string{"diff", "log"}); diff != "" {
			t.Errorf("%s: git processes (-got +want):\n%s", name, diff)
		}
	}
}

// startOrder is the subcommands of the log's "PID subcommand" lines in the order their processes
// were made: the kernel numbers processes in turn, so the lower PID was forked first, whichever
// shell got to its echo first.
func startOrder(t *testing.T, log string) []string {
	t.Helper()
	type call struct {
		pid int
		sub string
	}
	var calls []call
	for _, line := range strings.Split(strings.TrimSpace(log), "\n") {
		var c call
		if _, err := fmt.Sscan(line, &c.pid, &c.sub); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		calls = append(calls, c)
	}
	slices.SortFunc(calls, func(a, b call) int { return a.pid - b.pid })
	subs := make([]string, len(calls))
	for i, c := range calls {
		subs[i] = c.sub
	}
	return subs
}

// guardRun runs `hotfix guard args…` in dir and returns what it printed; it fails the test on an
// exit other than 0.
func guardRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &cli.Env{Getenv: cli.MapEnv(nil), Stdout: &stdout, Stderr: &stderr, Dir: dir, Now: time.Now}
	if code := cli.Main(ctx, append([]string{"guard"}, args...), env); code != cli.ExitOK {
		t.Fatalf("hotfix guard %v: exit %d\n%s%s", args, code, stdout.String(), stderr.String())
	}
	return stdout.String()
}
