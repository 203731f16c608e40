//go:build e2e

package workflowtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// actVersion pins nektos/act, the local runner of GitHub Actions workflows; v0.2.89 builds with
// Go 1.26 and resolves remote reusable workflows through --local-repository.
const actVersion = "v0.2.89"

// actTimeout bounds one act run; a warm run takes seconds, a cold Go build cache about a minute.
const actTimeout = 4 * time.Minute

// installAct returns the act binary, built with `go install` into the temp dir the first time and
// reused while its version matches. A machine that can't build it fails the test with the reason.
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
		return "", fmt.Errorf("install nektos/act %s with go install (it needs the Go module proxy once): %w\n%s", actVersion, err, out)
	}
	logf("installed nektos/act %s with go install in %s", actVersion, time.Since(start).Round(time.Second))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return bin, os.Rename(filepath.Join(gobin, "act"), bin)
}

// harness runs act on the user's repository through scripts/act-local.sh, as the README tells a
// user to: the script's copy in src, a copy of this checkout, is what act reads as
// incident-hotfix/incident-hotfix@v0, and it brings the stand-ins for third-party actions.
type harness struct {
	bin, repo, src string
	apiURL, token  string
	env            []string
	cache          string
}

// run is one act invocation: the event, its payload and the caller workflow it triggers.
type run struct {
	event, workflow string
	payload         []byte
}

// outcome is what act reported: each job's result, the main steps each job ran (by id, in the
// order they finished), and the log for people.
type outcome struct {
	err   error
	jobs  map[string]string
	steps map[string][]string
	log   string
}

// args are the script's arguments for r: the event, the workflow and the payload, then the flags
// the test adds for itself (act's JSON log, its own action cache, the actor).
func (h harness) args(r run, eventPath string) []string {
	return []string{filepath.Join(h.src, "scripts", "act-local.sh"), r.event, r.workflow, eventPath,
		"--json", "--action-cache-path", h.cache, "--no-cache-server", "--defaultbranch", "main", "--actor", "ada"}
}

// scriptEnv is the script's environment: act's, with the variables the README names.
func (h harness) scriptEnv() []string {
	return append(slices.Clone(h.env), "ACT="+h.bin, "GITHUB_API_URL="+h.apiURL, "GITHUB_TOKEN="+h.token,
		"GITHUB_REPOSITORY="+owner+"/"+name)
}

// act runs r and parses act's JSON log.
func (h harness) act(t *testing.T, r run) outcome {
	t.Helper()
	eventPath := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(eventPath, r.payload, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), actTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", h.args(r, eventPath)...)
	cmd.Dir, cmd.Env, cmd.WaitDelay = h.repo, h.scriptEnv(), 10*time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("act %s on %s: %s", r.event, r.workflow, time.Since(start).Round(100*time.Millisecond))
	o := parseLog(out.Bytes())
	o.err = err
	return o
}

// logLine is the part of one line of `act --json` that the test reads.
type logLine struct {
	JobID      string   `json:"jobID"`
	JobResult  string   `json:"jobResult"`
	Stage      string   `json:"stage"`
	StepID     []string `json:"stepID"`
	StepResult string   `json:"stepResult"`
	Msg        string   `json:"msg"`
}

// parseLog reads act's JSON log: one object a line, with an occasional plain line.
func parseLog(raw []byte) outcome {
	o := outcome{jobs: map[string]string{}, steps: map[string][]string{}}
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
		if l.JobResult != "" {
			o.jobs[l.JobID] = l.JobResult
		}
		if l.Stage == "Main" && len(l.StepID) == 1 && l.StepResult != "" {
			o.steps[l.JobID] = append(o.steps[l.JobID], l.StepID[0]+" "+l.StepResult)
		}
	}
	o.log = text.String()
	return o
}
