//go:build e2e

package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// actionlint is the linter CI runs on workflows, at the version CI pins; `go run` builds it from
// the module cache, or fetches it once through the module proxy.
const actionlint = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

// TestInitWorkflowsPassActionlint runs actionlint, as CI does, on what init writes into a fresh
// repository. actionlint can't read a remote reusable workflow, so a copy of each caller also
// calls this repository's own reusable workflow through a local path: that checks the caller's
// inputs and secrets against what the reusable workflow declares.
func TestInitWorkflowsPassActionlint(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	if got := run(t, r.Dir, nil, "init"); got.code != ExitOK {
		t.Fatalf("init: exit %d: %s", got.code, got.stderr)
	}
	workflows := filepath.Join(r.Dir, ".github", "workflows")
	lint := []string{"hotfix.yml", "incident.yml", "status-page.yml"}
	for _, name := range []string{"hotfix.yml", "incident.yml", "status-page.yml"} {
		reusable, err := os.ReadFile(filepath.Join("..", "..", ".github", "workflows", name))
		if err != nil {
			t.Fatal(err)
		}
		caller, err := os.ReadFile(filepath.Join(workflows, name))
		if err != nil {
			t.Fatal(err)
		}
		remote := "incident-hotfix/incident-hotfix/.github/workflows/" + name + "@v0"
		if !strings.Contains(string(caller), remote) {
			t.Errorf("%s does not call %s", name, remote)
		}
		local := strings.Replace(string(caller), remote, "./.github/workflows/reusable-"+name, 1)
		writeFile(t, filepath.Join(workflows, "reusable-"+name), string(reusable))
		writeFile(t, filepath.Join(workflows, "local-"+name), local)
		lint = append(lint, "reusable-"+name, "local-"+name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", append([]string{"run", actionlint, "-no-color"}, lint...)...)
	cmd.Dir = workflows
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("actionlint on init's workflows: %v\n%s", err, out)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
