package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

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
		"go.mod is a Go module", "wrote .github/hotfix.yml (", "wrote .github/workflows/hotfix.yml (", "wrote .github/workflows/incident.yml (", "wrote .github/workflows/status-page.yml (", "bytes, new)",
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
	want := ".github/hotfix.yml, .github/workflows/hotfix.yml, .github/workflows/incident.yml, .github/workflows/status-page.yml already exist; nothing was written; give --force to overwrite"
	if again.code != ExitUsage || !strings.Contains(again.stderr, want) {
		t.Errorf("second init: exit %d, stderr %q; want 2 naming each file", again.code, again.stderr)
	}
	forced := run(t, r.Dir, nil, "init", "--force")
	if forced.code != ExitOK || strings.Count(forced.stdout, "bytes, replaced)") != 4 {
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
