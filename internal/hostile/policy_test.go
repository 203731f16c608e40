package hostile

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// strictPolicy is the base branch's policy; loosePolicy is what the hotfix writes over it.
const (
	strictPolicy = "guard:\n  max_lines: 20\n"
	loosePolicy  = "guard:\n  max_lines: 100000\n  max_files: 1000\n  default_deny: false\n  rules: {max-lines: \"off\", max-files: \"off\"}\n"
)

// loosened is a hotfix that rewrites the policy and changes 100 lines.
func loosened() map[string]string {
	return map[string]string{".github/hotfix.yml": loosePolicy, "svc.txt": gittest.Lines("fixed", 50)}
}

// TestLoosenedPolicyLocal: on a checkout, the guard reads the policy from the base branch, so a
// hotfix that loosens it still fails the base's max-lines.
func TestLoosenedPolicyLocal(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("base", map[string]string{".github/hotfix.yml": strictPolicy, "svc.txt": gittest.Lines("svc", 50)})
	r.Git("switch", "-q", "-c", "hotfix/loosen")
	r.Commit("loosen the policy", loosened())
	got := run(t, r.Dir, nil, "guard", "--repo", r.Dir, "--base", "main", "--head", "hotfix/loosen")
	if got.code != cli.ExitFailed || !strings.Contains(got.stdout, "max-lines") {
		t.Errorf("exit %d, want %d with max-lines from the base's policy\n%s%s", got.code, cli.ExitFailed, got.stdout, got.stderr)
	}
	// The loosened policy does pass the same range when it is given on purpose, so the check
	// above fails only because the base's policy was read.
	r.Write(map[string]string{"loose.yml": loosePolicy})
	loose := run(t, r.Dir, nil, "guard", "--repo", r.Dir, "--base", "main", "--head", "hotfix/loosen", "--config", "loose.yml")
	if loose.code != cli.ExitOK {
		t.Errorf("with the loosened policy given: exit %d, want 0\n%s%s", loose.code, loose.stdout, loose.stderr)
	}
}

// TestLoosenedPolicyAPI: on GitHub the guard reads the policy from the PR's base through the
// contents API, so the loosened policy on the hotfix branch changes nothing: the status fails.
func TestLoosenedPolicyAPI(t *testing.T) {
	t.Parallel()
	w := newWorld(t, sandboxtest.Token)
	w.s.Push("main", map[string]string{".github/hotfix.yml": strictPolicy, "svc.txt": gittest.Lines("svc", 50)})
	head := w.s.Push("hotfix/loosen", loosened(), "main")
	title, branch, base := "Loosen", "hotfix/loosen", "main"
	pr, _, err := w.s.As("alice").PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: &title, Head: &branch, Base: &base})
	if err != nil {
		t.Fatal(err)
	}
	got := w.mustRun(cli.ExitFailed, w.vars("pull_request", w.prEvent("opened", pr.GetNumber()), nil), "run")
	if !strings.Contains(got.all(), "max-lines") || !strings.Contains(got.all(), "on main") {
		t.Errorf("the guard does not cite max-lines from main's policy:\n%s", got.all())
	}
	st, _, err := w.s.Client.Repositories.GetCombinedStatus(context.Background(), sandboxtest.Owner, sandboxtest.Name, head, nil)
	if err != nil || st.GetState() != "failure" {
		t.Errorf("combined status on the hotfix head = %q, %v; want failure", st.GetState(), err)
	}
}
