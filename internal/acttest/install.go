// Package acttest runs nektos/act, the local runner of GitHub Actions workflows, for the
// end-to-end suites (internal/workflowtest runs the workflows from source, internal/containertest
// runs the actions as containers of the image): it installs the pinned act, gives it a clean
// environment, and reads its JSON log. Only tests import it.
package acttest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Version pins act; v0.2.89 builds with Go 1.26 and resolves remote reusable workflows through
// --local-repository.
const Version = "v0.2.89"

// Timeout bounds one act run; a warm run takes seconds, a cold Go build cache about a minute.
const Timeout = 4 * time.Minute

// Install returns the act binary, built with `go install` into a temp directory named for Version
// the first time, and reused from there. A machine that can't build it gets the reason (it needs the
// Go module proxy once).
func Install(logf func(string, ...any)) (string, error) {
	dir := filepath.Join(os.TempDir(), "incident-hotfix-act-"+Version)
	bin := filepath.Join(dir, "act")
	if fi, err := os.Stat(bin); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
		return bin, nil // the directory is named for the version, and the binary is moved in whole
	}
	gobin, err := os.MkdirTemp(os.TempDir(), "act-install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(gobin)
	start := time.Now()
	cmd := exec.Command("go", "install", "github.com/nektos/act@"+Version)
	cmd.Dir, cmd.Env = gobin, append(os.Environ(), "GOBIN="+gobin)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("install nektos/act %s with go install (it needs the Go module proxy once): %w\n%s", Version, err, out)
	}
	logf("installed nektos/act %s with go install in %s", Version, time.Since(start).Round(time.Second))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return bin, os.Rename(filepath.Join(gobin, "act"), bin)
}

// Environ is environ without what would leak a runner into act's jobs or change act itself: the
// GITHUB_*, RUNNER_*, INPUT_*, ACTIONS_* and XDG_* variables, HOME (so that no ~/.actrc applies;
// give act a fresh one), CI and ACT.
func Environ(environ []string) []string {
	var out []string
	for _, kv := range environ {
		if k, _, _ := strings.Cut(kv, "="); !dropped(k) {
			out = append(out, kv)
		}
	}
	return out
}

// dropped reports whether Environ leaves out the variable k.
func dropped(k string) bool {
	for _, prefix := range []string{"GITHUB_", "RUNNER_", "INPUT_", "ACTIONS_", "XDG_"} {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return k == "HOME" || k == "CI" || k == "ACT"
}
