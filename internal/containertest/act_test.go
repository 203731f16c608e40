//go:build e2e

package containertest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// actVersion pins nektos/act, as internal/workflowtest does (the same binary in the temp dir).
const actVersion = "v0.2.89"

// actTimeout bounds one act run.
const actTimeout = 4 * time.Minute

// installAct returns the act binary, built with `go install` into the temp dir the first time and
// reused while its version matches.
func installAct(logf func(string, ...any)) (string, error) {
	dir := filepath.Join(os.TempDir(), "incident-hotfix-act-"+actVersion)
	bin := filepath.Join(dir, "act")
	if out, err := exec.Command(bin, "--version").Output(); err == nil && strings.Contains(string(out), strings.TrimPrefix(actVersion, "v")) {
		return bin, nil
	}
	gobin, err := os.MkdirTemp(os.TempDir(), "act-install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(gobin)
	start := time.Now()
	cmd := exec.Command("go", "install", "github.com/nektos/act@"+actVersion)
	cmd.Dir, cmd.Env = gobin, append(os.Environ(), "GOBIN="+gobin)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("install nektos/act %s with go install: %w\n%s", actVersion, err, out)
	}
	logf("installed nektos/act %s in %s", actVersion, time.Since(start).Round(time.Second))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return bin, os.Rename(filepath.Join(gobin, "act"), bin)
}

// harness runs act on the user's repository in container mode: each job in a container of the
// runner stand-in on the host's network, each action's step in the image beside it, which act
// neither pulls nor builds. Remote actions of incident-hotfix/incident-hotfix@v0 come from src.
type harness struct {
	bin, repo, src, cache string
	apiURL, token         string
}

// actRun is what one act run reported: each job's result, the steps' results and outputs, the job
// summaries the steps wrote (by job), and the log for people.
type actRun struct {
	err       error
	jobs      map[string]string
	steps     map[string]string            // job/step → result
	outputs   map[string]map[string]string // step → output → value
	summaries []string
	log       string
}

// args are act's flags for one event.
func (h harness) args(event, workflow, eventPath string) []string {
	return []string{event, "--json", "--eventpath", eventPath,
		"--workflows", filepath.Join(".github", "workflows", workflow),
		"--platform", "ubuntu-latest=" + runnerStandIn,
		"--pull=false", "--rebuild=false", "--reuse", "--network", "host", "--container-daemon-socket", "-",
		"--env", "GITHUB_API_URL=" + h.apiURL, "--env", "GITHUB_REPOSITORY=acme/shop",
		"--secret", "GITHUB_TOKEN=" + h.token,
		"--local-repository", rootActionUses + "=" + h.src,
		"--action-cache-path", h.cache, "--no-cache-server", "--defaultbranch", "main", "--actor", "ada",
	}
}

// run runs act for event on workflow with payload, then reads the job summaries from the jobs'
// volumes (kept by --reuse) and removes act's containers and volumes.
func (h harness) run(t *testing.T, event, workflow string, payload []byte) actRun {
	t.Helper()
	eventPath := filepath.Join(t.TempDir(), "event.json")
	must(t, os.WriteFile(eventPath, payload, 0o644))
	ctx, cancel := context.WithTimeout(context.Background(), actTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, h.bin, h.args(event, workflow, eventPath)...)
	cmd.Dir, cmd.Env, cmd.WaitDelay = h.repo, actEnv(t), 10*time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("act %s on %s: %s", event, workflow, time.Since(start).Round(100*time.Millisecond))
	r := parseLog(out.Bytes())
	r.err = err
	r.summaries = collectSummaries(t)
	return r
}

// actEnv is act's environment: this process's, without a runner's GITHUB_*, RUNNER_*, INPUT_* and
// ACTIONS_* variables, and with a fresh HOME, so that no ~/.actrc applies.
func actEnv(t *testing.T) []string {
	env := []string{"HOME=" + t.TempDir()}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(k, "GITHUB_") && !strings.HasPrefix(k, "RUNNER_") && !strings.HasPrefix(k, "INPUT_") &&
			!strings.HasPrefix(k, "ACTIONS_") && k != "HOME" && k != "CI" && k != "ACT" {
			env = append(env, kv)
		}
	}
	return env
}

// logLine is the part of one line of `act --json` that the test reads.
type logLine struct {
	JobID      string   `json:"jobID"`
	JobResult  string   `json:"jobResult"`
	Stage      string   `json:"stage"`
	StepID     []string `json:"stepID"`
	StepResult string   `json:"stepResult"`
	Command    string   `json:"command"`
	Name       string   `json:"name"`
	Arg        string   `json:"arg"`
	Msg        string   `json:"msg"`
}

// parseLog reads act's JSON log: one object a line, with an occasional plain line.
func parseLog(raw []byte) actRun {
	r := actRun{jobs: map[string]string{}, steps: map[string]string{}, outputs: map[string]map[string]string{}}
	var text strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		var l logLine
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			text.WriteString(sc.Text() + "\n")
			continue
		}
		text.WriteString("[" + l.JobID + "] " + l.Msg + "\n")
		switch {
		case l.JobResult != "":
			r.jobs[l.JobID] = l.JobResult
		case l.Stage == "Main" && len(l.StepID) == 1 && l.StepResult != "":
			r.steps[l.JobID+"/"+l.StepID[0]] = l.StepResult
		case l.Command == "set-output" && len(l.StepID) == 1:
			if r.outputs[l.StepID[0]] == nil {
				r.outputs[l.StepID[0]] = map[string]string{}
			}
			r.outputs[l.StepID[0]][l.Name] = l.Arg
		}
	}
	r.log = text.String()
	return r
}

// collectSummaries reads the job summary file of each job act left (--reuse keeps the volume that
// holds the file commands, /var/run/act), then removes act's containers and volumes, so that the
// next run starts clean.
func collectSummaries(t *testing.T) []string {
	t.Helper()
	var summaries []string
	for _, vol := range dockerList(t, "volume", "ls", "--format", "{{.Name}}") {
		if !strings.HasPrefix(vol, "act-") || !strings.HasSuffix(vol, "-env") {
			continue
		}
		at := dockerList(t, "volume", "inspect", "--format", "{{.Mountpoint}}", vol)
		if raw, err := os.ReadFile(filepath.Join(at[0], "workflow", "SUMMARY.md")); err == nil {
			summaries = append(summaries, string(raw))
		}
	}
	for _, c := range dockerList(t, "ps", "-a", "--format", "{{.Names}}") {
		if strings.HasPrefix(c, "act-") {
			dockerList(t, "rm", "-f", "-v", c)
		}
	}
	for _, vol := range dockerList(t, "volume", "ls", "--format", "{{.Name}}") {
		if strings.HasPrefix(vol, "act-") {
			dockerList(t, "volume", "rm", "-f", vol)
		}
	}
	return summaries
}

// dockerList runs docker with args and returns its output's lines.
func dockerList(t *testing.T, args ...string) []string {
	t.Helper()
	out, err := exec.Command("docker", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("docker %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.Fields(string(out))
}
