package workflowtest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/actionmeta"
)

// root is this repository's root, from the package's directory.
const root = "../.."

// wrapperStep is the part of a composite step that the wrapper test reads.
type wrapperStep struct {
	ID  string            `yaml:"id"`
	Run string            `yaml:"run"`
	Env map[string]string `yaml:"env"`
}

// TestRunWrapperMirrorsRootAction checks that actions/run, which the reusable workflows use in
// place of the container image, takes the root action's inputs and gives its outputs, passes
// each input to `hotfix run` as the runner passes it to the container (INPUT_<NAME>, and nothing
// else), and sets each output from that step.
func TestRunWrapperMirrorsRootAction(t *testing.T) {
	t.Parallel()
	rootAction, err := actionmeta.Load(root, "action.yml")
	if err != nil {
		t.Fatal(err)
	}
	wrapper, err := actionmeta.Load(root, "actions/run/action.yml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(wrapper.Inputs, rootAction.Inputs); diff != "" {
		t.Errorf("actions/run's inputs differ from the root action's (-wrapper +root):\n%s", diff)
	}
	var wantOutputs actionmeta.Outputs
	for _, o := range rootAction.Outputs {
		o.Value = fmt.Sprintf("${{ steps.run.outputs.%s }}", o.Name)
		wantOutputs = append(wantOutputs, o)
	}
	if diff := cmp.Diff(wrapper.Outputs, wantOutputs); diff != "" {
		t.Errorf("actions/run's outputs differ from the root action's, each set by the step run (-wrapper +want):\n%s", diff)
	}
	step := runStep(t, wrapper)
	wantEnv := map[string]string{}
	for _, in := range rootAction.Inputs {
		wantEnv["INPUT_"+strings.ToUpper(in.Name)] = fmt.Sprintf("${{ inputs.%s }}", in.Name)
	}
	if diff := cmp.Diff(step.Env, wantEnv); diff != "" {
		t.Errorf("the step run's env differs from one INPUT_ variable per input (-got +want):\n%s", diff)
	}
	if got, want := step.Run, `"$RUNNER_TEMP/hotfix-run" `+strings.Join(rootAction.Runs.Args, " "); got != want {
		t.Errorf("the step run runs %q, want %q: the root action's args", got, want)
	}
}

// runStep finds the step with the id run among the composite steps of m.
func runStep(t *testing.T, m actionmeta.Metadata) wrapperStep {
	t.Helper()
	for _, node := range m.Runs.Steps {
		var s wrapperStep
		if err := node.Decode(&s); err != nil {
			t.Fatalf("%s: %v", m.Path, err)
		}
		if s.ID == "run" {
			return s
		}
	}
	t.Fatalf("%s has no step with the id run", m.Path)
	return wrapperStep{}
}
