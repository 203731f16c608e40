package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// shadowedCheckout is a checkout as actions/checkout leaves it (main and origin/main on the
// same commit, whose policy allows 20 changed lines and verifies with the step "strict"), plus
// tags named main and origin/main on a commit whose policy allows 9,000 lines and verifies with
// "loose". git resolves the short names main and origin/main as those tags. hotfix/x changes
// 40 lines.
func shadowedCheckout(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	strict := "guard:\n  max_lines: 20\nverify:\n  steps:\n    - {name: strict, run: \"touch ran-strict\"}\n"
	loose := "guard:\n  max_lines: 9000\nverify:\n  steps:\n    - {name: loose, run: \"touch ran-loose\"}\n"
	r.Commit("strict policy", map[string]string{".github/hotfix.yml": strict, "src/svc.go": gittest.Lines("svc", 100)})
	r.Git("update-ref", "refs/remotes/origin/main", "refs/heads/main")
	r.Git("checkout", "-q", "-b", "loose")
	r.Commit("loosen the policy", map[string]string{".github/hotfix.yml": loose})
	r.Git("tag", "main")
	r.Git("tag", "origin/main")
	r.Git("checkout", "-q", "-b", "hotfix/x", "refs/heads/main")
	r.Commit("fix", svcChange(20))
	return r
}

// TestTagNamedLikeTheBranchChangesNothing: with tags main and origin/main on a loosened policy,
// guard, verify and run all apply the branch's policy.
func TestTagNamedLikeTheBranchChangesNothing(t *testing.T) {
	t.Parallel()
	t.Run("guard", func(t *testing.T) {
		t.Parallel()
		r := shadowedCheckout(t)
		got := run(t, r.Dir, nil, "guard", "--base", "main", "--head", "hotfix/x")
		if got.code != ExitFailed {
			t.Errorf("exit %d, want %d (the branch's 20-line limit)\n%s%s", got.code, ExitFailed, got.stdout, got.stderr)
		}
		containsAll(t, "stdout", got.stdout, []string{"exceed the limit of 20", ".github/hotfix.yml on refs/remotes/origin/main"})
	})
	t.Run("verify", func(t *testing.T) {
		t.Parallel()
		r := shadowedCheckout(t)
		got := run(t, r.Dir, nil, "verify", "--base", "main", "--head", "hotfix/x")
		if got.code != ExitOK {
			t.Fatalf("exit %d\n%s%s", got.code, got.stdout, got.stderr)
		}
		containsAll(t, "stdout", got.stdout, []string{"1. strict: touch ran-strict", ".github/hotfix.yml on refs/remotes/origin/main"})
		if _, err := os.Stat(filepath.Join(r.Dir, "ran-loose")); err == nil || strings.Contains(got.stdout, "loose") {
			t.Errorf("verify ran the tag's step:\n%s", got.stdout)
		}
	})
	t.Run("run", func(t *testing.T) {
		t.Parallel()
		r := shadowedCheckout(t)
		got := run(t, r.Dir, pushPayload(t, r.Git("rev-parse", "HEAD")), "run")
		if got.code != ExitFailed {
			t.Errorf("exit %d, want %d (the branch's 20-line limit)\n%s%s", got.code, ExitFailed, got.stdout, got.stderr)
		}
		containsAll(t, "stdout", got.stdout, []string{"policy: .github/hotfix.yml on refs/remotes/origin/main", "running hotfix guard", "exceed the limit of 20"})
	})
}
