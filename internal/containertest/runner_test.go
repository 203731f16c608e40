//go:build e2e

package containertest

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/actionmeta"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// GitHub's runner runs a Docker action as `docker run` with the job's directories mounted under
// /github, the workspace as the working directory, the file commands' paths in GITHUB_* variables,
// and one INPUT_<NAME> variable per input: the name upper-cased, spaces to underscores, hyphens
// kept. See the runner's ContainerActionHandler and
// https://docs.github.com/en/actions/sharing-automations/creating-actions/dockerfile-support-for-github-actions
// The network is the host's here, where GitHub gives a network of the job's own: the sandbox
// stands in for api.github.com on loopback.

// mounts are the runner's bind mounts, host directory under the run's temp dir → container path.
var mounts = map[string]string{
	"workspace":     "/github/workspace",
	"workflow":      "/github/workflow",
	"file_commands": "/github/file_commands",
	"home":          "/github/home",
}

// fileCommands are the runner's file command variables and their files (the runner adds a GUID).
var fileCommands = map[string]string{
	"GITHUB_OUTPUT":       "set_output_6f1c",
	"GITHUB_STEP_SUMMARY": "step_summary_6f1c",
	"GITHUB_ENV":          "set_env_6f1c",
	"GITHUB_STATE":        "save_state_6f1c",
	"GITHUB_PATH":         "add_path_6f1c",
}

// actionRun is one run of an action's container: the action, the event, the inputs given with
// `with:`, and files to put in the workspace.
type actionRun struct {
	action    string
	event     string
	payload   []byte
	with      map[string]string
	workspace map[string]string
}

// ran is what one run left: its exit code, its log, its outputs and job summary as the runner
// reads them from the file commands, and who owns the output file it wrote.
type ran struct {
	code          int
	log           string
	outputs       map[string]string
	summary       string
	outputFileUID uint32
}

// runAction runs r in the image as the runner does, against the sandbox at apiURL.
func runAction(t *testing.T, r actionRun, apiURL string) ran {
	t.Helper()
	m, err := actionmeta.Load(root, r.action)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	args := []string{"run", "--rm", "--network", "host", "--workdir", "/github/workspace"}
	for sub, at := range mounts {
		must(t, os.MkdirAll(filepath.Join(dir, sub), 0o777))
		args = append(args, "-v", filepath.Join(dir, sub)+":"+at)
	}
	must(t, os.WriteFile(filepath.Join(dir, "workflow", "event.json"), r.payload, 0o644))
	for name, body := range r.workspace {
		must(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, "workspace", name)), 0o755))
		must(t, os.WriteFile(filepath.Join(dir, "workspace", name), []byte(body), 0o644))
	}
	for _, kv := range runnerEnv(m, r, apiURL) {
		args = append(args, "-e", kv)
	}
	args = append(append(args, image), m.Runs.Args...)
	cmd := exec.Command("docker", args...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	got := ran{log: out.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		got.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("docker run: %v\n%s", err, out.String())
	}
	commands := filepath.Join(dir, "file_commands")
	got.outputs = readOutputs(t, filepath.Join(commands, fileCommands["GITHUB_OUTPUT"]))
	summary, _ := os.ReadFile(filepath.Join(commands, fileCommands["GITHUB_STEP_SUMMARY"]))
	got.summary = string(summary)
	if info, err := os.Stat(filepath.Join(commands, fileCommands["GITHUB_OUTPUT"])); err == nil {
		got.outputFileUID = info.Sys().(*syscall.Stat_t).Uid
	}
	return got
}

// runnerEnv is the container's environment: the runner's GITHUB_* variables with the container's
// paths, then each input of the action with its default, overridden by with (and any name in
// with that the action does not declare, passed all the same, as the runner does).
func runnerEnv(m actionmeta.Metadata, r actionRun, apiURL string) []string {
	vars := map[string]string{
		"HOME": "/github/home", "CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux",
		"GITHUB_WORKSPACE": "/github/workspace", "GITHUB_EVENT_PATH": "/github/workflow/event.json",
		"GITHUB_EVENT_NAME": r.event, "GITHUB_REPOSITORY": sandboxtest.Owner + "/" + sandboxtest.Name,
		"GITHUB_API_URL": apiURL, "GITHUB_SERVER_URL": "https://github.com", "GITHUB_ACTOR": "ada",
		"GITHUB_RUN_ID": "7001", "GITHUB_JOB": "contract",
	}
	for name, file := range fileCommands {
		vars[name] = "/github/file_commands/" + file
	}
	for _, in := range m.Inputs {
		vars[inputVar(in.Name)] = in.Default
	}
	vars[inputVar("token")] = sandboxtest.Token // the runner evaluates the default ${{ github.token }}
	for name, v := range r.with {
		vars[inputVar(name)] = v
	}
	env := make([]string, 0, len(vars))
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	return env
}

// inputVar is the runner's variable for an input: upper case, spaces to underscores, and hyphens
// kept as they are (INPUT_DRY-RUN for dry-run).
func inputVar(name string) string {
	return "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, " ", "_"))
}

// readOutputs parses the runner's output file: name<<DELIMITER, the value's lines, DELIMITER.
func readOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return out
	}
	must(t, err)
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		name, delim, ok := strings.Cut(sc.Text(), "<<")
		if !ok {
			t.Fatalf("output file line %q is not name<<delimiter", sc.Text())
		}
		var lines []string
		for sc.Scan() && sc.Text() != delim {
			lines = append(lines, sc.Text())
		}
		out[name] = strings.Join(lines, "\n")
	}
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
