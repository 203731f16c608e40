//go:build e2e

package chaos

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// maxTries bounds how often a person presses "Re-run" on one failed step before giving up.
const maxTries = 20

// hotfix runs the binary once with the runner's variables and returns its exit code and what it
// printed. It is the binary in-process (cli.Main) or a real process of the built binary.
type hotfix func(ctx context.Context, vars map[string]string, dir string, args ...string) (int, string)

// inProcess runs cli.Main, as main does, with a map for the environment.
func inProcess(ctx context.Context, vars map[string]string, dir string, args ...string) (int, string) {
	var out bytes.Buffer
	env := &cli.Env{Getenv: cli.MapEnv(vars), Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Now: time.Now, Dir: dir}
	code := cli.Main(ctx, args, env)
	return code, out.String()
}

// job is one workflow run: the runner's variables for one event. Each attempt gets fresh output
// and summary files, as a re-run of a job does; the run id stays, the attempt number grows.
type job struct {
	name string
	vars map[string]string
}

// jobVars is the environment GitHub's runner gives a step for event name with the payload at
// path, pointed at api.
func jobVars(api string, runID int, name, path string) map[string]string {
	return map[string]string{
		"GITHUB_ACTIONS": "true", "CI": "true", "GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": path,
		"GITHUB_REPOSITORY": sandboxtest.Owner + "/" + sandboxtest.Name, "GITHUB_REPOSITORY_OWNER": sandboxtest.Owner,
		"GITHUB_API_URL": api, "GITHUB_SERVER_URL": "https://github.example", "GITHUB_TOKEN": sandboxtest.Token,
		"GITHUB_RUN_ID": strconv.Itoa(runID), "GITHUB_ACTOR": person, "GITHUB_WORKFLOW": "hotfix",
	}
}

// attempt is what one try of a job left.
type attempt struct {
	code    int
	output  string
	outputs map[string]string // the step outputs it set
}

// try runs the job's attempt n with run, in a fresh directory.
func (j job) try(ctx context.Context, t testing.TB, run hotfix, n int, args []string) attempt {
	dir := t.TempDir()
	vars := maps.Clone(j.vars)
	vars["GITHUB_RUN_ATTEMPT"] = strconv.Itoa(n)
	vars["GITHUB_OUTPUT"], vars["GITHUB_STEP_SUMMARY"] = filepath.Join(dir, "output"), filepath.Join(dir, "summary")
	vars["RUNNER_TEMP"] = dir
	code, out := run(ctx, vars, dir, args...)
	raw, _ := os.ReadFile(vars["GITHUB_OUTPUT"])
	return attempt{code: code, output: out, outputs: parseOutputs(string(raw))}
}

// untilGreen runs the job, and runs it again after each failure, up to maxTries attempts. It
// returns the green attempt and how many attempts it took, or fails the test with the last
// attempt's output. A usage error (exit 2) fails at once: no fault can excuse it, and no re-run
// would mend it.
func (j job) untilGreen(t testing.TB, run hotfix, args ...string) (attempt, int) {
	t.Helper()
	var last attempt
	for n := 1; n <= maxTries; n++ {
		last = j.try(t.Context(), t, run, n, args)
		switch last.code {
		case cli.ExitOK:
			return last, n
		case cli.ExitUsage:
			t.Fatalf("%s: attempt %d is a usage error:\n%s", j.name, n, last.output)
		}
	}
	t.Fatalf("%s: still red after %d attempts; the last exited %d:\n%s", j.name, maxTries, last.code, last.output)
	return last, maxTries
}

// parseOutputs reads the GITHUB_OUTPUT file: name=value lines and name<<DELIMITER blocks.
func parseOutputs(raw string) map[string]string {
	out := map[string]string{}
	lines := strings.Split(raw, "\n")
	for i := 0; i < len(lines); i++ {
		name, delim, ok := strings.Cut(lines[i], "<<")
		if !ok {
			if k, v, ok := strings.Cut(lines[i], "="); ok {
				out[k] = v
			}
			continue
		}
		var value []string
		for i++; i < len(lines) && lines[i] != delim; i++ {
			value = append(value, lines[i])
		}
		out[name] = strings.Join(value, "\n")
	}
	return out
}

// number reads an output that holds an issue or PR number.
func (a attempt) number(t testing.TB, name string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(a.outputs[name]), "#"))
	if err != nil {
		t.Fatalf("output %s = %q, not a number; outputs %v\n%s", name, a.outputs[name], a.outputs, a.output)
	}
	return n
}

func (a attempt) String() string { return fmt.Sprintf("exit %d\n%s", a.code, a.output) }
