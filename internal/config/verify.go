package config

import (
	"fmt"
	"time"

	"gopkg.in/yaml.v3"
)

// Verify lists the checks `hotfix verify` runs on the runner: lint, build and test. The steps
// come from the base branch's policy, like every other key, so a hotfix cannot change what
// verifies it.
type Verify struct {
	// Steps run in order, each with `bash -eo pipefail -c RUN`. Empty (the default) lets Detect
	// pick them from the repository.
	Steps []Step `yaml:"steps" json:"steps"`
	// Detect picks the steps from the repository (go.mod, package.json, a Makefile) when Steps is
	// empty; default true. Use Detects to read it.
	Detect *bool `yaml:"detect" json:"detect"`
}

// Detects reports whether steps are detected when none are configured; unset means true.
func (v Verify) Detects() bool {
	return v.Detect == nil || *v.Detect
}

// Step is one verify command.
type Step struct {
	// Name labels the step in the log, the summary and the commit status; default the first
	// line of Run.
	Name string `yaml:"name" json:"name"`
	// Run is the bash script. It is trusted policy text: nothing from the hotfix branch, its
	// name or its pull request is ever put into it. The step reads those from HOTFIX_BASE and
	// HOTFIX_HEAD instead.
	Run string `yaml:"run" json:"run"`
	// Timeout stops the step, and every process it started, after this long; default 30m.
	Timeout Duration `yaml:"timeout" json:"timeout"`
	// WorkingDirectory is where the step runs, relative to the repository root; "" is the root.
	WorkingDirectory string `yaml:"working_directory" json:"working_directory"`
	// Env adds environment variables to the step.
	Env map[string]string `yaml:"env" json:"env"`
	// ContinueOnError lets the run go on after this step fails, and a failure of it does not
	// fail the verdict; default false.
	ContinueOnError bool `yaml:"continue_on_error" json:"continue_on_error"`
}

// Verify limits.
const (
	// DefaultStepTimeout is a step's timeout when the policy sets none.
	DefaultStepTimeout = 30 * time.Minute
	// MaxStepTimeout is the longest timeout a step may have: GitHub stops a job after 6 hours.
	MaxStepTimeout = 6 * time.Hour
	// MaxSteps is how many verify steps a policy may list.
	MaxSteps = 50
)

// Duration is a time.Duration written as text, such as 10m or 1h30m, in YAML and JSON.
type Duration time.Duration

// D returns the duration as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// String formats the duration as time.Duration does, e.g. 10m0s.
func (d Duration) String() string { return time.Duration(d).String() }

// MarshalText writes the duration as text, so JSON shows "10m0s".
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// MarshalYAML writes the duration as text that Parse reads back.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// UnmarshalText reads a duration such as 10m.
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(string(text))
	if err != nil {
		return fmt.Errorf("duration %q: want a number with a unit, e.g. 90s, 10m or 1h30m", text)
	}
	*d = Duration(v)
	return nil
}

var _ yaml.Marshaler = Duration(0)
