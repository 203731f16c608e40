//go:build e2e

package containertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEngineThatCannotStart starts an engine that exits at once, as dockerd does on a machine
// that can't run it, and wants an error that gives the reason from its log: the suite then fails
// with it (TestMain), never skips.
func TestEngineThatCannotStart(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "dockerd")
	script := "#!/bin/sh\necho 'failed to start daemon: error initializing graphdriver: driver not supported' >&2\nexit 1\n"
	must(t, os.WriteFile(bin, []byte(script), 0o755))
	_, err := launchDockerd(bin, t.Logf)
	if err == nil {
		t.Fatal("an engine that exits at once started without error")
	}
	for _, want := range []string{"exited", "driver not supported"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error %q lacks %q", err, want)
		}
	}
}
