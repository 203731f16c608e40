package cli

import (
	"flag"
	"io"
	"path/filepath"
	"time"
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
	// JSON is where a command run with --json prints its one JSON document; Stdout when nil.
	// Main sets it, and points Stdout at Stderr, so that stdout carries nothing else.
	JSON io.Writer
}

// jsonOut is where the command's JSON document goes.
func (e *Env) jsonOut() io.Writer {
	if e.JSON != nil {
		return e.JSON
	}
	return e.Stdout
}

// forJSON is env for a command whose --json flag is set: its JSON document goes to stdout, and
// everything else it prints (progress, log lines, the workflow commands such as ::add-mask:: and
// annotations) to stderr, which the runner reads as well.
// See https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
func forJSON(env *Env, fs *flag.FlagSet) *Env {
	f := fs.Lookup("json")
	if f == nil || f.Value.String() != "true" || env.JSON != nil {
		return env
	}
	e := *env
	e.JSON, e.Stdout = env.Stdout, env.Stderr
	return &e
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
