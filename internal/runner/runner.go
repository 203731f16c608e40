// Package runner speaks the GitHub Actions runner protocol: outputs, the step summary,
// annotations, log groups and masks. Outside a runner every call is a quiet no-op, so commands
// can report the same way on a laptop and in a workflow.
//
// It writes the workflow commands itself, with the standard library only, so that a binary
// that reports to the runner does not link an HTTP client or a template engine.
//
// See https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
package runner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
)

// Runner reports a command's results to the Actions runner.
type Runner struct {
	w      io.Writer
	getenv func(string) string
	active bool
}

// New builds a Runner from an injected environment; w receives the workflow commands.
func New(getenv func(string) string, w io.Writer) *Runner {
	return &Runner{w: w, getenv: getenv, active: getenv("GITHUB_ACTIONS") == "true"}
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

// command is the workflow command name for the level; an unknown level is a notice.
func (l Level) command() string {
	switch l {
	case Error:
		return "error"
	case Warning:
		return "warning"
	default:
		return "notice"
	}
}

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
	var props []string
	if a.File != "" {
		props = append(props, "file="+escapeProperty(a.File))
	}
	if a.Line > 0 {
		props = append(props, "line="+strconv.Itoa(a.Line))
	}
	if a.Title != "" {
		props = append(props, "title="+escapeProperty(a.Title))
	}
	r.command(a.Level.command(), strings.Join(props, ","), a.Message)
}

// Error writes an error annotation with no file.
func (r *Runner) Error(msg string) { r.Annotate(Annotation{Level: Error, Message: msg}) }

// Mask hides secret in every later line of the job log.
func (r *Runner) Mask(secret string) {
	if r.active && secret != "" {
		r.command("add-mask", "", secret)
	}
}

// Group opens a collapsible log group; EndGroup closes it.
func (r *Runner) Group(title string) {
	if r.active {
		r.command("group", "", title)
	}
}

// EndGroup closes the group that Group opened.
func (r *Runner) EndGroup() {
	if r.active {
		r.command("endgroup", "", "")
	}
}

// command writes "::name props::message" and a newline as one write. The log is best effort:
// a failed write is dropped, since an annotation must not stop the command that reports it.
func (r *Runner) command(name, props, message string) {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(name)
	if props != "" {
		b.WriteString(" ")
		b.WriteString(props)
	}
	b.WriteString("::")
	b.WriteString(escapeData(message))
	b.WriteString("\n")
	_, _ = io.WriteString(r.w, b.String())
}

// dataEscaper escapes a command's message; propertyEscaper escapes a property value.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a command's message so that it stays on one line.
func escapeData(s string) string { return dataEscaper.Replace(s) }

// escapeProperty escapes a property value, which also must not contain the separators.
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// SetOutput sets a step output when the runner gave an output file.
func (r *Runner) SetOutput(name, value string) error {
	path := r.getenv("GITHUB_OUTPUT")
	if path == "" {
		return nil
	}
	return writeOutput(path, name, value, newDelimiter())
}

// Summary appends markdown to the job summary when the runner gave a summary file.
func (r *Runner) Summary(markdown string) error {
	path := r.getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil
	}
	return appendFile(path, markdown+"\n")
}

// newDelimiter returns a random heredoc delimiter for an output file. writeOutput refuses a
// value that holds it, so the randomness only keeps a value from being refused on purpose:
// math/rand/v2's generator, seeded by the runtime from the system's entropy, is enough, and
// spares every command crypto/rand's initialisation.
func newDelimiter() string {
	return fmt.Sprintf("ghadelimiter_%016x%016x", rand.Uint64(), rand.Uint64())
}

// writeOutput appends name=value to the output file at path as a heredoc ended by delim. A
// name or value that contains delim is refused: the runner would end the value there.
func writeOutput(path, name, value, delim string) error {
	if strings.Contains(name, delim) {
		return fmt.Errorf("output name %q contains the delimiter %q", name, delim)
	}
	if strings.Contains(value, delim) {
		return fmt.Errorf("output %s: value contains the delimiter %q", name, delim)
	}
	return appendFile(path, name+"<<"+delim+"\n"+value+"\n"+delim+"\n")
}

// appendFile appends data to the runner's file at path, creating it if needed.
func appendFile(path, data string) (err error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("write to the runner's file: %w", err)
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("write to the runner's file: %w", cerr)
		}
	}()
	if _, err := io.WriteString(f, data); err != nil {
		return fmt.Errorf("write to the runner's file: %w", err)
	}
	return nil
}
