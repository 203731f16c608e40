package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// actionlint is the linter CI runs on workflows, at the version CI pins; `go run` builds it from
// the module cache, or fetches it once through the module proxy.
const actionlint = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"

func TestInit(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("go", map[string]string{"go.mod": "module shop\n"})
	r.Git("branch", "develop")

	dry := run(t, r.Dir, nil, "init", "--dry-run")
	if dry.code != ExitOK || !strings.Contains(dry.stdout, "would write .github/hotfix.yml (") || !strings.Contains(dry.stdout, "--- .github/workflows/incident.yml\n") {
		t.Fatalf("dry run: exit %d\n%s%s", dry.code, dry.stdout, dry.stderr)
	}
	if _, err := os.Stat(filepath.Join(r.Dir, ".github")); err == nil {
		t.Fatal("--dry-run wrote .github")
	}

	first := run(t, r.Dir, nil, "init")
	for _, want := range []string{
		"production branch: main (detected: the branch main exists)", "develop branch: develop (detected: the branch develop exists)",
		"go.mod is a Go module", "wrote .github/hotfix.yml (", "wrote .github/workflows/hotfix.yml (", "wrote .github/workflows/incident.yml (", "bytes, new)",
	} {
		if !strings.Contains(first.stdout, want) {
			t.Errorf("init output lacks %q:\n%s", want, first.stdout)
		}
	}
	if first.code != ExitOK {
		t.Fatalf("init: exit %d: %s", first.code, first.stderr)
	}
	p, _, err := (&config.Resolver{File: filepath.Join(r.Dir, config.DefaultPath)}).Resolve(context.Background(), "main")
	if err != nil || p.Branches.Production != "main" || len(p.Verify.Steps) != 3 {
		t.Errorf("the written policy: %v, %+v", err, p)
	}

	again := run(t, r.Dir, nil, "init")
	want := ".github/hotfix.yml, .github/workflows/hotfix.yml, .github/workflows/incident.yml already exist; nothing was written; give --force to overwrite"
	if again.code != ExitUsage || !strings.Contains(again.stderr, want) {
		t.Errorf("second init: exit %d, stderr %q; want 2 naming each file", again.code, again.stderr)
	}
	forced := run(t, r.Dir, nil, "init", "--force")
	if forced.code != ExitOK || strings.Count(forced.stdout, "bytes, replaced)") != 3 {
		t.Errorf("init --force: exit %d\n%s%s", forced.code, forced.stdout, forced.stderr)
	}
}

func TestInitOutsideARepository(t *testing.T) {
	t.Parallel()
	got := run(t, t.TempDir(), nil, "init")
	if got.code != ExitUsage || !strings.Contains(got.stderr, "not a git worktree") {
		t.Errorf("exit %d, stderr %q", got.code, got.stderr)
	}
}

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
	lint := []string{"hotfix.yml", "incident.yml"}
	for _, name := range []string{"hotfix.yml", "incident.yml"} {
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
