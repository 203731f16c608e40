package verify

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// lockedBuffer is a buffer the steps and the test may share.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// options runs steps in root, inside Actions (so log groups are written) when actions is true.
func options(root string, out *lockedBuffer, actions bool) Options {
	env := map[string]string{}
	if actions {
		env["GITHUB_ACTIONS"] = "true"
	}
	return Options{Root: root, Base: "main", Head: "hotfix/$(touch pwned)", Out: out, Runner: runner.New(func(k string) string { return env[k] }, out), Now: time.Now}
}

// outcome is the part of a StepResult a test can predict.
type outcome struct {
	Name     string
	Outcome  Outcome
	ExitCode int
	Allowed  bool
}

func outcomes(res Result) []outcome {
	out := make([]outcome, len(res.Steps))
	for i, s := range res.Steps {
		out[i] = outcome{s.Name, s.Outcome, s.ExitCode, s.Allowed}
	}
	return out
}

func TestRun(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		steps      []Step
		verdict    string
		failed     string
		want       []outcome
		wantOutput []string
	}{
		"a passing step": {
			steps: []Step{{Name: "hello", Run: "echo hello from the step"}}, verdict: Pass,
			want: []outcome{{"hello", Passed, 0, false}}, wantOutput: []string{"hello from the step\n", "<== hello: passed in "},
		},
		"a failure stops the run": {
			steps:   []Step{{Name: "one", Run: "echo one"}, {Name: "two", Run: "echo two; exit 3"}, {Name: "three", Run: "touch three-ran"}},
			verdict: Fail, failed: "two",
			want:       []outcome{{"one", Passed, 0, false}, {"two", Failed, 3, false}, {"three", Skipped, -1, false}},
			wantOutput: []string{"<== two: failed in ", "(exit code 3): exited with code 3"},
		},
		"errexit and pipefail": {
			steps:   []Step{{Name: "pipe", Run: "false | true\necho not reached"}},
			verdict: Fail, failed: "pipe", want: []outcome{{"pipe", Failed, 1, false}},
		},
		"continue_on_error": {
			steps:   []Step{{Name: "lint", Run: "exit 2", ContinueOnError: true}, {Name: "test", Run: "echo tested"}},
			verdict: Pass,
			want:    []outcome{{"lint", Failed, 2, true}, {"test", Passed, 0, false}}, wantOutput: []string{"the step may fail (continue_on_error), so the run goes on", "tested\n"},
		},
		"env, base and head": {
			steps: []Step{{Name: "env", Env: map[string]string{"GREETING": "hi there"},
				Run: `test "$GREETING" = "hi there" && test "$HOTFIX_BASE" = main && test "$HOTFIX_HEAD" = 'hotfix/$(touch pwned)' && test ! -e pwned && echo env ok`}},
			verdict: Pass, want: []outcome{{"env", Passed, 0, false}}, wantOutput: []string{"env ok\n"},
		},
		"working directory": {
			steps:   []Step{{Name: "pwd", Run: `test "$(basename "$PWD")" = web && echo in web`, Dir: "web"}},
			verdict: Pass, want: []outcome{{"pwd", Passed, 0, false}}, wantOutput: []string{"in web\n", "==> pwd (in web, timeout 30m0s)"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			if err := os.Mkdir(filepath.Join(root, "web"), 0o755); err != nil {
				t.Fatal(err)
			}
			var out lockedBuffer
			res, err := Run(context.Background(), tc.steps, options(root, &out, false))
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if diff := cmp.Diff(outcomes(res), tc.want); diff != "" {
				t.Errorf("steps (-got +want):\n%s\noutput:\n%s", diff, out.String())
			}
			if res.Verdict != tc.verdict || res.FailedStep != tc.failed {
				t.Errorf("verdict %q, failed step %q; want %q, %q", res.Verdict, res.FailedStep, tc.verdict, tc.failed)
			}
			for _, want := range tc.wantOutput {
				if !strings.Contains(out.String(), want) {
					t.Errorf("output does not contain %q:\n%s", want, out.String())
				}
			}
			if _, err := os.Stat(filepath.Join(root, "three-ran")); err == nil {
				t.Error("a step after the failure ran")
			}
		})
	}
}

// TestRunTimeoutKillsTheProcessGroup runs a step that starts a child and then hangs; the timeout
// must kill both, not only the shell.
func TestRunTimeoutKillsTheProcessGroup(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	var out lockedBuffer
	steps := []Step{{Name: "hang", Run: "sleep 300 & echo $! > child.pid; sleep 300", Timeout: time.Second}, {Name: "after", Run: "echo after"}}
	start := time.Now()
	res, err := Run(context.Background(), steps, options(root, &out, false))
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the run took %s; the timeout is 1s", took)
	}
	want := []outcome{{"hang", TimedOut, -1, false}, {"after", Skipped, -1, false}}
	if diff := cmp.Diff(outcomes(res), want); diff != "" {
		t.Errorf("steps (-got +want):\n%s", diff)
	}
	if msg := res.Steps[0].Message; msg != "timed out after 1s; killed its process group" {
		t.Errorf("message = %q", msg)
	}
	data, err := os.ReadFile(filepath.Join(root, "child.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for alive(pid) && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if alive(pid) {
		t.Errorf("the step's child %d is still running after the timeout", pid)
	}
}

// alive reports whether pid is a running process; a zombie waiting to be reaped is not.
func alive(pid int) bool {
	stat, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	_, rest, _ := strings.Cut(string(stat), ") ")
	return !strings.HasPrefix(rest, "Z")
}

func TestRunRefusesAWorkingDirectoryOutsideTheRepository(t *testing.T) {
	t.Parallel()
	root, outside := t.TempDir(), t.TempDir()
	if err := os.Symlink(outside, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	for name, dir := range map[string]string{"a symlink out": "link", "dot-dot": "../x", "absolute": outside} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var out lockedBuffer
			steps := []Step{{Name: "first", Run: "touch ran"}, {Name: "escape", Run: "touch ran", Dir: dir}}
			_, err := Run(context.Background(), steps, options(root, &out, false))
			if !errors.Is(err, ErrOutside) && !strings.Contains(fmtErr(err), "no such file") {
				t.Errorf("Run error = %v, want it refused", err)
			}
			if !strings.Contains(fmtErr(err), `step "escape"`) {
				t.Errorf("error %v does not name the step", err)
			}
			for _, d := range []string{root, outside} {
				if _, err := os.Stat(filepath.Join(d, "ran")); err == nil {
					t.Errorf("a step ran in %s", d)
				}
			}
		})
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestRunStreamsInLogGroups checks that inside Actions each step's output sits between its
// ::group:: and ::endgroup::, and that the outcome line follows the group.
func TestRunStreamsInLogGroups(t *testing.T) {
	t.Parallel()
	var out lockedBuffer
	steps := []Step{{Name: "first", Run: "echo one; echo two >&2"}, {Name: "second", Run: "echo three"}}
	if _, err := Run(context.Background(), steps, options(t.TempDir(), &out, true)); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if strings.HasPrefix(l, "<== ") {
			l, _, _ = strings.Cut(l, " in ")
		}
		lines = append(lines, l)
	}
	want := []string{
		"::group::first", "==> first (in the repository root, timeout 30m0s)", "one", "two", "::endgroup::", "<== first: passed",
		"::group::second", "==> second (in the repository root, timeout 30m0s)", "three", "::endgroup::", "<== second: passed",
	}
	if diff := cmp.Diff(lines, want); diff != "" {
		t.Errorf("log (-got +want):\n%s", diff)
	}
}

func TestStepEnv(t *testing.T) {
	t.Parallel()
	inherited := []string{"PATH=/bin", "GITHUB_TOKEN=secret", "INPUT_TOKEN=secret", "INPUT_BASE=main", "GITHUB_SHA=abc", "HOME=/root"}
	got := stepEnv(inherited, "main", "hotfix/x", map[string]string{"B": "2", "A": "1"})
	want := []string{"PATH=/bin", "GITHUB_SHA=abc", "HOME=/root", "HOTFIX_BASE=main", "HOTFIX_HEAD=hotfix/x", "A=1", "B=2"}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("stepEnv (-got +want):\n%s", diff)
	}
}
