// Package verify runs a hotfix's verify steps (lint, build, test) on the runner, where the
// project's toolchain is: each with `bash -eo pipefail`, in a log group, with its duration, exit
// code and timeout. The steps come from the base branch's policy, or, when it lists none, from
// what the repository holds (go.mod, package.json, a Makefile).
//
// No untrusted text (a branch name, a title) is ever put into a step's script: the base ref and
// the hotfix branch reach a step as the variables HOTFIX_BASE and HOTFIX_HEAD.
package verify

import (
	"errors"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// Context is the commit status context that verify writes and the release gate reads.
const Context = "hotfix/verify"

// Step is one command to run.
type Step struct {
	Name string `json:"name"`
	Run  string `json:"run"`
	// Timeout stops the step and its whole process group; 0 means config.DefaultStepTimeout.
	Timeout time.Duration `json:"-"`
	// Dir is where the step runs, relative to the repository root; "" is the root.
	Dir             string            `json:"working_directory,omitempty"`
	Env             map[string]string `json:"env,omitempty"`
	ContinueOnError bool              `json:"continue_on_error,omitempty"`
}

// Plan is the steps chosen for a run and where they came from.
type Plan struct {
	Steps []Step `json:"steps"`
	// Source is "policy", "detected" or "none".
	Source string `json:"source"`
	// Notes say why each detected step was chosen, or why nothing runs.
	Notes []string `json:"notes"`
}

// ErrNothingToRun means the policy lists no steps and detection found none: verify cannot vouch
// for the hotfix, so it refuses to pass.
var ErrNothingToRun = errors.New("no verify steps")

// Choose returns the steps for a run: the policy's, or, when it lists none and detection is on,
// the ones Detect finds in the repository at root. With detection off and no steps the plan is
// empty, and says so.
func Choose(v config.Verify, root string) (Plan, error) {
	if len(v.Steps) > 0 {
		return Plan{Steps: fromPolicy(v.Steps), Source: "policy", Notes: []string{}}, nil
	}
	if !v.Detects() {
		return Plan{Steps: []Step{}, Source: "none", Notes: []string{"verify.steps is empty and verify.detect is false, so nothing runs"}}, nil
	}
	steps, notes, err := Detect(root)
	if err != nil {
		return Plan{}, err
	}
	if len(steps) == 0 {
		return Plan{}, errors.Join(ErrNothingToRun, errors.New("the policy lists no verify.steps, and detection found no go.mod, "+
			"package.json lint/build/test script or Makefile test target; list the steps under verify.steps in "+config.DefaultPath))
	}
	return Plan{Steps: steps, Source: "detected", Notes: notes}, nil
}

// fromPolicy turns the policy's steps into steps to run.
func fromPolicy(in []config.Step) []Step {
	out := make([]Step, len(in))
	for i, s := range in {
		out[i] = Step{Name: s.Name, Run: s.Run, Timeout: s.Timeout.D(), Dir: s.WorkingDirectory, Env: s.Env, ContinueOnError: s.ContinueOnError}
	}
	return out
}
