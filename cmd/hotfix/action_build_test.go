package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestActionBuildLeavesOutTheEmulator checks the binary the Dockerfile builds (-tags noemulator):
// the sandbox and the demo are not among its commands and are refused as unknown, and every
// command an action runs is.
func TestActionBuildLeavesOutTheEmulator(t *testing.T) {
	t.Parallel()
	docker, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(docker), "-tags=noemulator") {
		t.Errorf("the Dockerfile's build does not set -tags=noemulator:\n%s", docker)
	}
	bin := build(t)
	help, err := exec.Command(bin, "help").CombinedOutput()
	if err != nil {
		t.Fatalf("hotfix help: %v\n%s", err, help)
	}
	for _, name := range []string{"run", "guard", "verify", "release", "backport", "postmortem", "incident", "action-items", "remind", "report", "status-page"} {
		if !strings.Contains(string(help), "\n  "+name+" ") {
			t.Errorf("the action build lacks %s:\n%s", name, help)
		}
	}
	for _, name := range []string{"sandbox", "demo"} {
		out, err := exec.Command(bin, name).CombinedOutput()
		if code := exitCode(err); code != 2 || !strings.Contains(string(out), `unknown command "`+name+`"`) {
			t.Errorf("hotfix %s in the action build: exit %d, %s; want 2 and unknown command", name, code, out)
		}
	}
}

// exitCode is the exit status err reports, 0 for nil.
func exitCode(err error) int {
	if e, ok := err.(*exec.ExitError); ok {
		return e.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}
