//go:build e2e

package containertest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
)

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
	ctx, cancel := context.WithTimeout(context.Background(), acttest.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, h.bin, h.args(event, workflow, eventPath)...)
	cmd.Dir, cmd.Env, cmd.WaitDelay = h.repo, actEnv(t), 10*time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("act %s on %s: %s", event, workflow, time.Since(start).Round(100*time.Millisecond))
	r := fromLog(acttest.Parse(out.Bytes()))
	r.err = err
	r.summaries = collectSummaries(t)
	return r
}

// actEnv is act's environment: this process's without a runner's variables (acttest.Environ),
// with a fresh HOME.
func actEnv(t *testing.T) []string {
	return append(acttest.Environ(os.Environ()), "HOME="+t.TempDir())
}

// fromLog is an act run's report from its JSON log.
func fromLog(l acttest.Log) actRun {
	r := actRun{jobs: l.Jobs, steps: map[string]string{}, outputs: l.Outputs, log: l.Text}
	for _, st := range l.Steps {
		r.steps[st.Job+"/"+st.ID] = st.Result
	}
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
