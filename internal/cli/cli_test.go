package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// result is what one run of the binary left behind.
type result struct {
	code           int
	stdout, stderr string
	outputs        string // the GITHUB_OUTPUT file
	summary        string // the GITHUB_STEP_SUMMARY file
}

// runClock is the time run gives the command: 2026-01-02 03:04:05 UTC.
var runClock = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// run runs hotfix with args in dir and the given variables, as the process would, at runClock.
func run(t *testing.T, dir string, vars map[string]string, args ...string) result {
	t.Helper()
	return runAt(t, dir, vars, runClock, args...)
}

// runAt runs hotfix as run does, with its clock at now, so a story can move the command's clock
// along with the sandbox's.
func runAt(t *testing.T, dir string, vars map[string]string, now time.Time, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &Env{Getenv: MapEnv(vars), Stdout: &stdout, Stderr: &stderr, Dir: dir,
		Now: func() time.Time { return now }}
	code := Main(context.Background(), args, env)
	res := result{code: code, stdout: stdout.String(), stderr: stderr.String()}
	res.outputs, _ = readIfSet(vars["GITHUB_OUTPUT"])
	res.summary, _ = readIfSet(vars["GITHUB_STEP_SUMMARY"])
	return res
}

func readIfSet(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	return string(b), err
}

// actionVars is the environment of a step inside a GitHub Actions job, with its files in a temp dir.
func actionVars(t *testing.T, inputs map[string]string) map[string]string {
	dir := t.TempDir()
	vars := map[string]string{
		"GITHUB_ACTIONS":      "true",
		"GITHUB_OUTPUT":       filepath.Join(dir, "output"),
		"GITHUB_STEP_SUMMARY": filepath.Join(dir, "summary"),
	}
	for k, v := range inputs {
		vars[k] = v
	}
	return vars
}

func TestUnknownCommand(t *testing.T) {
	t.Parallel()
	got := run(t, t.TempDir(), nil, "frobnicate")
	if got.code != ExitUsage || !strings.Contains(got.stderr, `unknown command "frobnicate"; valid commands: `) || !strings.Contains(got.stderr, "guard, ") {
		t.Errorf("exit %d, stderr %q; want 2 and the valid commands", got.code, got.stderr)
	}
}

func TestNoCommandPrintsHelp(t *testing.T) {
	t.Parallel()
	got := run(t, t.TempDir(), nil)
	if got.code != ExitUsage || !strings.Contains(got.stderr, "Commands:") {
		t.Errorf("exit %d, stderr %q; want 2 and the command list", got.code, got.stderr)
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	got := run(t, t.TempDir(), nil, "help", "guard")
	for _, want := range []string{"--max-lines", "input: max_lines", "--base branch", "default main"} {
		if !strings.Contains(got.stdout, want) {
			t.Errorf("help guard lacks %q:\n%s", want, got.stdout)
		}
	}
	if got.code != ExitOK {
		t.Errorf("exit %d, want 0", got.code)
	}
	if got := run(t, t.TempDir(), nil, "help", "nope"); got.code != ExitUsage {
		t.Errorf("help nope: exit %d, want 2", got.code)
	}
	if got := run(t, t.TempDir(), nil, "guard", "--bogus"); got.code != ExitUsage || !strings.Contains(got.stderr, "flag provided but not defined: -bogus") {
		t.Errorf("guard --bogus: exit %d, stderr %q", got.code, got.stderr)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	got := run(t, t.TempDir(), nil, "version")
	if got.code != ExitOK || !strings.HasPrefix(got.stdout, "hotfix ") {
		t.Errorf("version: exit %d, stdout %q", got.code, got.stdout)
	}
}

func TestInputBinding(t *testing.T) {
	t.Parallel()
	if got, want := inputVar("max-lines"), "INPUT_MAX_LINES"; got != want {
		t.Errorf("inputVar = %q, want %q", got, want)
	}
	got := run(t, t.TempDir(), map[string]string{"INPUT_MAX_LINES": "many"}, "guard")
	if got.code != ExitUsage || !strings.Contains(got.stderr, `input max_lines="many"`) {
		t.Errorf("bad input: exit %d, stderr %q; want 2 naming the input", got.code, got.stderr)
	}
}
