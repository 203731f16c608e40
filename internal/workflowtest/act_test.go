//go:build e2e

package workflowtest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
)

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
	ctx, cancel := context.WithTimeout(context.Background(), acttest.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", h.args(r, eventPath)...)
	cmd.Dir, cmd.Env, cmd.WaitDelay = h.repo, h.scriptEnv(), 10*time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("act %s on %s: %s", r.event, r.workflow, time.Since(start).Round(100*time.Millisecond))
	o := fromLog(acttest.Parse(out.Bytes()))
	o.err = err
	return o
}

// fromLog is an act run's outcome from its JSON log: each job's main steps as "id result".
func fromLog(l acttest.Log) outcome {
	o := outcome{jobs: l.Jobs, steps: map[string][]string{}, log: l.Text}
	for _, st := range l.Steps {
		o.steps[st.Job] = append(o.steps[st.Job], st.ID+" "+st.Result)
	}
	return o
}
