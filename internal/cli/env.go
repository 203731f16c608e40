package cli

import (
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
