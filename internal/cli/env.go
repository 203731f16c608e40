package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// Env is everything a command may take from the process. Only main builds one from the real
// process; tests build one from a map and temp files, so they can run in parallel.
type Env struct {
	Getenv func(string) string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Now    func() time.Time
	// Dir is the working directory that relative paths are resolved against.
	Dir string
	// Commands is where workflow commands (masks, annotations) go: Stdout, or Stderr when stdout
	// carries a JSON document (--json); the runner reads them from both. Nil means Stdout.
	Commands io.Writer
}

// runner is the one way a command reaches the runner: outputs, the step summary, annotations
// and masks, with its workflow commands on env.Commands.
func (e *Env) runner() *runner.Runner {
	return runner.New(e.Getenv, e.log())
}

// log is where progress lines for people go: with the workflow commands, so that under --json
// stdout carries only the document.
func (e *Env) log() io.Writer {
	if e.Commands != nil {
		return e.Commands
	}
	return e.Stdout
}

// Path resolves p against the environment's working directory.
func (e *Env) Path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(e.Dir, p)
}

// MapEnv returns a Getenv that reads from m, for tests and for nested runs.
func MapEnv(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// token is the GitHub token: the token input, else GITHUB_TOKEN; "" when there is none.
func (e *Env) token() string {
	return firstSet(e.Getenv("INPUT_TOKEN"), e.Getenv("GITHUB_TOKEN"))
}

// loadEvent loads the event that started the workflow (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH).
func (e *Env) loadEvent() (event.Trigger, error) {
	return event.Load(e.Getenv, func(p string) ([]byte, error) { return os.ReadFile(e.Path(p)) })
}

// warn prints a warning, as an annotation inside an action.
func warn(env *Env, msg string) {
	if r := env.runner(); r.Active() {
		r.Annotate(runner.Annotation{Level: runner.Warning, Message: msg})
		return
	}
	fmt.Fprintln(env.Stderr, "warning: "+msg)
}
