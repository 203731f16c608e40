package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/actionmeta"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// The container contract: the binary is run as GitHub's runner runs a Docker action. The runner
// mounts the workspace at /github/workspace and makes it the working directory, puts the event at
// /github/workflow/event.json and the file commands under /github/file_commands, passes every
// input of action.yml as INPUT_<NAME> (its default when the workflow gives none), and runs the
// image's entrypoint with the action's args. The image has no git and no shell, so PATH here
// leads nowhere. See
// https://docs.github.com/en/actions/sharing-automations/creating-actions/dockerfile-support-for-github-actions

const root = "../.."

// container is one run's /github directory, mapped to a temp dir.
type container struct {
	bin, github string
}

// result is what one run left behind.
type result struct {
	code           int
	stdout, stderr string
	outputs        map[string]string
	summary        string
}

// build compiles the binary as the Dockerfile does, static and stamped.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "hotfix")
	cmd := exec.Command("go", "build", "-trimpath", "-tags", "noemulator", "-ldflags", "-X github.com/incident-hotfix/incident-hotfix/internal/cli.Version=v0.0.0-contract", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// newContainer lays out /github in a temp dir with the event payload.
func newContainer(t *testing.T, bin string, payload []byte) container {
	t.Helper()
	c := container{bin: bin, github: filepath.Join(t.TempDir(), "github")}
	for _, d := range []string{"workspace", "workflow", "file_commands", "home", "nowhere"} {
		if err := os.MkdirAll(filepath.Join(c.github, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(c.github, "workflow", "event.json"), payload, 0o644); err != nil {
		t.Fatal(err)
	}
	return c
}

// env is the environment the runner gives the container: the GITHUB_* variables, then one INPUT_
// variable per input of the action (with its default), overridden by with.
func (c container) env(m actionmeta.Metadata, event string, with, extra map[string]string) []string {
	vars := map[string]string{
		"HOME": filepath.Join(c.github, "home"), "PATH": filepath.Join(c.github, "nowhere"),
		"CI": "true", "GITHUB_ACTIONS": "true", "RUNNER_OS": "Linux",
		"GITHUB_WORKSPACE":    filepath.Join(c.github, "workspace"),
		"GITHUB_EVENT_NAME":   event,
		"GITHUB_EVENT_PATH":   filepath.Join(c.github, "workflow", "event.json"),
		"GITHUB_OUTPUT":       filepath.Join(c.github, "file_commands", "set_output_1"),
		"GITHUB_STEP_SUMMARY": filepath.Join(c.github, "file_commands", "step_summary_1"),
		"GITHUB_ENV":          filepath.Join(c.github, "file_commands", "set_env_1"),
		"GITHUB_STATE":        filepath.Join(c.github, "file_commands", "save_state_1"),
		"GITHUB_PATH":         filepath.Join(c.github, "file_commands", "add_path_1"),
		"GITHUB_REPOSITORY":   sandboxtest.Owner + "/" + sandboxtest.Name,
		"GITHUB_SERVER_URL":   "https://github.com",
		"GITHUB_ACTOR":        "octocat",
	}
	for _, in := range m.Inputs {
		v := in.Default
		if strings.Contains(v, "${{") {
			v = "" // an expression the runner would evaluate; the test gives the value in with
		}
		vars[inputVar(in.Name)] = v
	}
	for k, v := range with {
		vars[inputVar(k)] = v
	}
	for k, v := range extra {
		vars[k] = v
	}
	var env []string
	for k, v := range vars {
		env = append(env, k+"="+v)
	}
	return env
}

// inputVar is the runner's variable for an input: upper case, spaces to underscores, and hyphens
// kept as they are.
func inputVar(name string) string {
	return "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, " ", "_"))
}

// run runs the action's args in the container layout.
func (c container) run(t *testing.T, m actionmeta.Metadata, env []string) result {
	t.Helper()
	cmd := exec.Command(c.bin, m.Runs.Args...)
	cmd.Dir, cmd.Env = filepath.Join(c.github, "workspace"), env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	if exit, ok := err.(*exec.ExitError); ok {
		res.code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	res.outputs = readOutputs(t, filepath.Join(c.github, "file_commands", "set_output_1"))
	summary, _ := os.ReadFile(filepath.Join(c.github, "file_commands", "step_summary_1"))
	res.summary = string(summary)
	return res
}

// readOutputs parses the runner's output file: name<<DELIMITER, the value's lines, DELIMITER.
func readOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
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

// action reads one action.yml of this repository.
func action(t *testing.T, path string) actionmeta.Metadata {
	t.Helper()
	m, err := actionmeta.Load(root, path)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// mergedEvent is GitHub's webhook example for a merged hotfix PR, carrying the sandbox's PR and
// repository.
func mergedEvent(t *testing.T, pr *github.PullRequest) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(root, "internal", "event", "testdata", "webhooks", "pull_request.closed.merged-hotfix.json"))
	if err != nil {
		t.Fatal(err)
	}
	var payload map[string]any
	if err := json.Unmarshal(raw, &payload); err != nil {
		t.Fatal(err)
	}
	prJSON, err := json.Marshal(pr)
	if err != nil {
		t.Fatal(err)
	}
	var prValue any
	if err := json.Unmarshal(prJSON, &prValue); err != nil {
		t.Fatal(err)
	}
	payload["pull_request"], payload["number"] = prValue, pr.GetNumber()
	repo := payload["repository"].(map[string]any)
	repo["name"], repo["full_name"] = sandboxtest.Name, sandboxtest.Owner+"/"+sandboxtest.Name
	repo["owner"].(map[string]any)["login"] = sandboxtest.Owner
	out, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// written lists the outputs a run wrote, sorted.
func written(r result) []string {
	var names []string
	for k := range r.outputs {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// declared reports whether each output the run wrote is one the action declares.
func declared(t *testing.T, m actionmeta.Metadata, r result) {
	t.Helper()
	for _, name := range written(r) {
		if !slices.ContainsFunc(m.Outputs, func(o actionmeta.Output) bool { return o.Name == name }) {
			t.Errorf("%s wrote output %s, which it does not declare", m.Path, name)
		}
	}
}

func TestContainerContract(t *testing.T) {
	t.Parallel()
	bin := build(t)
	t.Run("root action on a merged hotfix", func(t *testing.T) {
		t.Parallel()
		s := sandboxtest.Start(t, sandboxtest.Options{})
		pr := sandboxtest.MergedHotfix(t, s, "squash", "Incident: none")
		c := newContainer(t, bin, mergedEvent(t, pr))
		m := action(t, "action.yml")
		// max-lines is not an input of the action; the runner would pass it as INPUT_MAX-LINES,
		// which the binary must not read as --max-lines.
		env := c.env(m, "pull_request", map[string]string{"token": sandboxtest.Token, "max-lines": "1"},
			map[string]string{"GITHUB_API_URL": s.URL})
		got := c.run(t, m, env)
		if got.code != 0 {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
		declared(t, m, got)
		want := map[string]string{"tag": "v1.2.4", "previous_tag": "v1.2.3", "sha": pr.GetMergeCommitSHA(), "backport_prs": "2", "postmortem_issue": "3"}
		if diff := cmp.Diff(got.outputs, want); diff != "" {
			t.Errorf("outputs (-got +want):\n%s", diff)
		}
		if !strings.Contains(got.summary, "v1.2.4") || !strings.Contains(got.stdout, "::add-mask::"+sandboxtest.Token) {
			t.Errorf("summary or mask missing\nsummary:\n%s\nstdout:\n%s", got.summary, got.stdout)
		}
	})
	t.Run("guard action on a merge is a no-op", func(t *testing.T) {
		t.Parallel()
		s := sandboxtest.Start(t, sandboxtest.Options{})
		pr := sandboxtest.MergedHotfix(t, s, "merge", "")
		c := newContainer(t, bin, mergedEvent(t, pr))
		m := action(t, "actions/guard/action.yml")
		s.Server.ResetRequests()
		got := c.run(t, m, c.env(m, "pull_request", map[string]string{"token": sandboxtest.Token}, map[string]string{"GITHUB_API_URL": s.URL}))
		if got.code != 0 || !strings.Contains(got.stdout, "handles only guard: nothing to do") {
			t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
		if n := s.Requests(); n != 0 || len(got.outputs) != 0 {
			t.Errorf("a no-op made %d requests and wrote outputs %v", n, got.outputs)
		}
	})
	t.Run("a bad input exits 2 with an error annotation", func(t *testing.T) {
		t.Parallel()
		payload, err := os.ReadFile(filepath.Join(root, "internal", "event", "testdata", "webhooks", "push.hotfix.json"))
		if err != nil {
			t.Fatal(err)
		}
		c := newContainer(t, bin, payload)
		m := action(t, "action.yml")
		got := c.run(t, m, c.env(m, "push", map[string]string{"token": sandboxtest.Token, "only": "publish"}, nil))
		if got.code != 2 || !strings.Contains(got.stdout, `::error::hotfix run: --only "publish" is not a route`) {
			t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
		}
	})
}
