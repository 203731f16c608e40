// Package runner speaks the GitHub Actions runner protocol through go-githubactions: outputs, the
// step summary, annotations, log groups and masks. Outside a runner every call is a quiet no-op,
// so commands can report the same way on a laptop and in a workflow.
//
// See https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
package runner

import (
	"fmt"
	"io"

	"github.com/sethvargo/go-githubactions"
)

// Runner reports a command's results to the Actions runner.
type Runner struct {
	action *githubactions.Action
	getenv func(string) string
	active bool
}

// New builds a Runner from an injected environment; w receives the workflow commands.
func New(getenv func(string) string, w io.Writer) *Runner {
	a := githubactions.New(githubactions.WithGetenv(getenv), githubactions.WithWriter(w))
	return &Runner{action: a, getenv: getenv, active: getenv("GITHUB_ACTIONS") == "true"}
}

// Active reports whether the process runs inside a GitHub Actions job.
func (r *Runner) Active() bool { return r.active }

// Level is an annotation's severity.
type Level int

// Annotation levels, as the runner shows them.
const (
	Notice Level = iota
	Warning
	Error
)

// Annotation is a message pinned to a file, and to a line when Line > 0.
type Annotation struct {
	Level   Level
	File    string
	Line    int
	Title   string
	Message string
}

// Annotate writes one annotation. Outside a runner it does nothing.
func (r *Runner) Annotate(a Annotation) {
	if !r.active {
		return
	}
	fields := map[string]string{}
	if a.File != "" {
		fields["file"] = a.File
	}
	if a.Line > 0 {
		fields["line"] = fmt.Sprint(a.Line)
	}
	if a.Title != "" {
		fields["title"] = a.Title
	}
	act := r.action.WithFieldsMap(fields)
	switch a.Level {
	case Error:
		act.Errorf("%s", a.Message)
	case Warning:
		act.Warningf("%s", a.Message)
	default:
		act.Noticef("%s", a.Message)
	}
}

// Error writes an error annotation with no file.
func (r *Runner) Error(msg string) { r.Annotate(Annotation{Level: Error, Message: msg}) }

// Mask hides secret in every later line of the job log.
func (r *Runner) Mask(secret string) {
	if r.active && secret != "" {
		r.action.AddMask(secret)
	}
}

// Group opens a collapsible log group; EndGroup closes it.
func (r *Runner) Group(title string) {
	if r.active {
		r.action.Group(title)
	}
}

// EndGroup closes the group that Group opened.
func (r *Runner) EndGroup() {
	if r.active {
		r.action.EndGroup()
	}
}

// SetOutput sets a step output when the runner gave an output file.
func (r *Runner) SetOutput(name, value string) error {
	if r.getenv("GITHUB_OUTPUT") == "" {
		return nil
	}
	return fileCommand(func() { r.action.SetOutput(name, value) })
}

// Summary appends markdown to the job summary when the runner gave a summary file.
func (r *Runner) Summary(markdown string) error {
	if r.getenv("GITHUB_STEP_SUMMARY") == "" {
		return nil
	}
	return fileCommand(func() { r.action.AddStepSummary(markdown) })
}

// fileCommand runs a go-githubactions file command, which panics when it cannot write, and turns
// that panic into an error.
func fileCommand(write func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("write to the runner's file: %v", p)
		}
	}()
	write()
	return nil
}
