package workflowtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"gopkg.in/yaml.v3"
)

// secret is the job's token in these tests: it must never be found by a verify step.
const secret = "ghs_JobTokenTheStepsMustNotSee0123456789"

// searchAncestors is a verify step that walks up its process tree, reading each ancestor's
// environment, and fails when it finds the token, as a hostile hotfix would look for it.
const searchAncestors = `pid=$$
while [ "$pid" -gt 1 ]; do
  if tr '\0' '\n' < /proc/$pid/environ | grep -q ` + secret + `; then echo "token in the environment of $pid: $(cat /proc/$pid/comm)"; exit 1; fi
  pid=$(sed -n 's/^PPid:[[:space:]]*//p' /proc/$pid/status)
done`

// actionStep is one step of a composite action's metadata.
type actionStep struct {
	Name string            `yaml:"name"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
}

// verifyStep reads the step of actions/verify that runs the verify steps.
func verifyStep(t *testing.T) actionStep {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "actions", "verify", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var meta struct {
		Runs struct {
			Steps []actionStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &meta); err != nil {
		t.Fatal(err)
	}
	for _, s := range meta.Runs.Steps {
		if s.Name == "Verify" {
			return s
		}
	}
	t.Fatal("actions/verify has no step named Verify")
	return actionStep{}
}

// foundRe is the line the search prints when it finds the token (the plan shows the script
// itself, with $pid unexpanded).
var foundRe = regexp.MustCompile(`token in the environment of [0-9]+: `)

// inputExpr is an expression of the form ${{ inputs.NAME }}.
var inputExpr = regexp.MustCompile(`\$\{\{\s*inputs\.([a-z_]+)\s*\}\}`)

// TestVerifyStepsCantReachTheToken runs the Verify step of actions/verify as the runner would, in
// a job whose token input is set, with a policy step that searches every ancestor's environment
// for the token: the step finds none. Run with the token handed to hotfix, the same search finds
// it, which shows the search works.
func TestVerifyStepsCantReachTheToken(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Fatalf("this test reads /proc: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "hotfix")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/incident-hotfix/incident-hotfix/cmd/hotfix").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	r := gittest.New(t)
	policy := "verify:\n  steps:\n    - name: search the ancestors\n      run: |\n" + indent(searchAncestors, "        ")
	r.Commit("policy", map[string]string{".github/hotfix.yml": policy})
	sha := r.Commit("fix", map[string]string{"fix.txt": "fixed\n"})
	inputs := map[string]string{"token": secret, "base": "main", "head": "main", "sha": sha, "repo": ".", "config": "", "dry_run": "false"}
	step := verifyStep(t)
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "RUNNER_TEMP=" + filepath.Dir(bin), "GITHUB_ACTIONS=true", "GITHUB_REPOSITORY=acme/shop",
		"GITHUB_OUTPUT=" + filepath.Join(t.TempDir(), "output"), "GITHUB_STEP_SUMMARY=" + filepath.Join(t.TempDir(), "summary")}
	for name, value := range step.Env {
		env = append(env, name+"="+inputExpr.ReplaceAllStringFunc(value, func(e string) string { return inputs[inputExpr.FindStringSubmatch(e)[1]] }))
	}
	for _, tc := range []struct {
		name  string
		extra []string
		found bool
	}{
		{"as actions/verify runs it", nil, false},
		{"with the token handed to hotfix", []string{"INPUT_TOKEN=" + secret}, true},
	} {
		cmd := exec.Command("bash", "-c", step.Run)
		cmd.Dir, cmd.Env = r.Dir, append(append([]string{}, env...), tc.extra...)
		out, err := cmd.CombinedOutput()
		found := foundRe.Match(out)
		if found != tc.found || (err == nil) == tc.found {
			t.Errorf("%s: token found %v (exit %v), want found %v\n%s", tc.name, found, err, tc.found, out)
		}
	}
}

// indent puts prefix before every line of s.
func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix) + "\n"
}

// TestVerifyJobsHoldNoWriteToken reads hotfix.yml: the job that runs the verify steps may only
// read and hands no token to actions/verify; the job that writes the status may only write
// statuses and checks out no code of the hotfix.
func TestVerifyJobsHoldNoWriteToken(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", "hotfix.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Permissions map[string]string `yaml:"permissions"`
			Steps       []struct {
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	run, publish := wf.Jobs["verify"], wf.Jobs["verify-status"]
	if len(run.Permissions) != 1 || run.Permissions["contents"] != "read" {
		t.Errorf("the verify job's permissions = %v, want contents: read only", run.Permissions)
	}
	if len(publish.Permissions) != 1 || publish.Permissions["statuses"] != "write" {
		t.Errorf("the verify-status job's permissions = %v, want statuses: write only", publish.Permissions)
	}
	for _, s := range run.Steps {
		if strings.Contains(s.Uses, "actions/verify") && s.With["token"] != "" {
			t.Errorf("the verify job hands actions/verify the token %q, want none", s.With["token"])
		}
	}
	for _, s := range publish.Steps {
		if strings.Contains(s.Uses, "actions/checkout") || (strings.Contains(s.Uses, "actions/verify") && s.With["publish"] == "") {
			t.Errorf("the verify-status job runs %s without publish: it must run no step of the hotfix", s.Uses)
		}
	}
}
