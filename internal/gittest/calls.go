package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// LogCalls puts a git first on PATH for the rest of the test that appends the subcommand of each
// call (the word after -C dir) to a file, then runs the real git, and returns the file's path.
// Repo's own commands keep the real git (Env fixes PATH). It sets PATH, so the test must not
// run in parallel.
func LogCalls(t *testing.T) string {
	t.Helper()
	real, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	bin, logFile := t.TempDir(), filepath.Join(t.TempDir(), "calls")
	script := "#!/bin/sh\necho \"$3\" >> " + logFile + "\nexec " + real + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "git"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return logFile
}
