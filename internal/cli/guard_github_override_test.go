package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestGuardOverride applies the override label to a failing hotfix PR as people with different
// permissions; only a writer's label turns the failure into warnings.
func TestGuardOverride(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, role string
		removed    bool
		code       int
		verdict    string
		comment    []string
		state      string
		golden     string
	}{
		{"by a writer", "write", false, ExitOK, "pass (overridden)",
			[]string{"PASS with 1 warning", "**Overridden.** The label `hotfix-override` was applied by @alice at ", "(permission: write), so its 1 failure is shown as a warning."}, "success", "guard_comment_overridden.golden"},
		{"by a maintainer", "maintain", false, ExitOK, "pass (overridden)", []string{"(permission: write)"}, "success", ""},
		{"by a reader", "read", false, ExitFailed, "fail",
			[]string{"FAIL, 1 error", "applied by @alice at ", "whose permission is read. Only a collaborator with write, maintain or admin access can override the guard, so the failures stand."}, "failure", "guard_comment_refused.golden"},
		{"by a stranger", "none", false, ExitFailed, "fail", []string{"whose permission is none"}, "failure", ""},
		{"applied then removed", "write", true, ExitFailed, "fail",
			[]string{"To accept this hotfix as it is, a collaborator with write access can apply the label `hotfix-override`."}, "failure", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, head := guardSandbox(t, 15)
			n := openHotfixPR(t, s)
			s.Server.SetCollaborator("alice", tt.role)
			if err := s.Server.LabelAs(n, "hotfix-override", "alice"); err != nil {
				t.Fatal(err)
			}
			if tt.removed {
				if _, err := s.Client.Issues.RemoveLabelForIssue(context.Background(), sandboxtest.Owner, sandboxtest.Name, n, "hotfix-override"); err != nil {
					t.Fatal(err)
				}
			}
			got := run(t, t.TempDir(), guardVars(t, s, "pull_request", labeledPayload(t, s, n, "hotfix-override")), "run")
			if got.code != tt.code || output(got.outputs, "verdict") != tt.verdict {
				t.Fatalf("exit %d, verdict %q; want %d and %q\n%s", got.code, output(got.outputs, "verdict"), tt.code, tt.verdict, got.stdout)
			}
			comments := guardComments(t, s, n)
			if len(comments) != 1 {
				t.Fatalf("%d guard comments, want 1", len(comments))
			}
			containsAll(t, "comment", comments[0].GetBody(), tt.comment)
			if tt.golden != "" {
				golden.Check(t, tt.golden, comments[0].GetBody())
			}
			containsAll(t, "summary", got.summary, tt.comment[len(tt.comment)-1:])
			if st := guardStatuses(t, s, head); len(st) != 1 || st[0].GetState() != tt.state {
				t.Errorf("statuses %v, want one %s", st, tt.state)
			}
		})
	}
}

// TestGuardBasePolicyWins pushes a hotfix that raises its own limit in .github/hotfix.yml; the
// guard still applies the base branch's policy.
func TestGuardBasePolicyWins(t *testing.T) {
	t.Parallel()
	s, _ := guardSandbox(t, 15)
	head := s.Push("hotfix/x", map[string]string{".github/hotfix.yml": "guard:\n  max_lines: 1000\n"})
	push := pushPayload(t, head)
	got := run(t, t.TempDir(), guardVars(t, s, "push", push["GITHUB_EVENT_PATH"]), "run")
	if got.code != ExitFailed {
		t.Fatalf("exit %d, want 1\n%s", got.code, got.stdout)
	}
	containsAll(t, "stdout", got.stdout, []string{"policy: .github/hotfix.yml on main", "32 changed lines (+16 -16) exceed the limit of 20"})
}

// TestGuardFailsClosedPast300Files pushes 301 files: compare lists 300, so the guard can't
// check the limits and fails, naming the cause.
func TestGuardFailsClosedPast300Files(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("main", map[string]string{".github/hotfix.yml": "guard:\n  max_files: 1000\n  max_lines: 1000\n"})
	files := map[string]string{}
	for i := range 301 {
		files[fmt.Sprintf("f/%03d.txt", i)] = "x\n"
	}
	head := s.Push("hotfix/x", files)
	push := pushPayload(t, head)
	got := run(t, t.TempDir(), guardVars(t, s, "push", push["GITHUB_EVENT_PATH"]), "run")
	if got.code != ExitFailed {
		t.Fatalf("exit %d, want 1\n%s", got.code, got.stdout)
	}
	containsAll(t, "stdout", got.stdout, []string{"complete", "compare lists at most 300 files and listed 300"})
	if st := guardStatuses(t, s, head); len(st) != 1 || !strings.HasPrefix(st[0].GetDescription(), "FAIL: 1 error (complete)") {
		t.Errorf("statuses %v, want one failure naming complete", st)
	}
}

// TestGuardForkPR runs the guard for a pull request from a fork, whose token is read-only: no
// status and no comment, and the results in the annotations and the summary.
func TestGuardForkPR(t *testing.T) {
	t.Parallel()
	s, head := guardSandbox(t, 15)
	n := openHotfixPR(t, s)
	got := run(t, t.TempDir(), guardVars(t, s, "pull_request", pullPayload(t, s, n, true)), "run")
	if got.code != ExitFailed {
		t.Fatalf("exit %d, want 1\n%s", got.code, got.stdout)
	}
	note := "pull request from a fork: its token is read-only, so no commit status or PR comment is written"
	containsAll(t, "stdout", got.stdout, []string{"(from a fork: read-only token)", note, "::error title=hotfix guard%3A max-lines::30 changed lines"})
	containsAll(t, "summary", got.summary, []string{"FAIL, 1 error", note})
	if c, st := guardComments(t, s, n), guardStatuses(t, s, head); len(c) != 0 || len(st) != 0 {
		t.Errorf("%d comments and %d statuses, want none", len(c), len(st))
	}
}

// TestGuardWithoutTokenChecksTheCheckout runs the push guard with no token: the checkout is
// checked, and the output says that nothing is written to GitHub.
func TestGuardWithoutTokenChecksTheCheckout(t *testing.T) {
	t.Parallel()
	r := hotfixRepo(t, 3)
	r.Git("update-ref", "refs/remotes/origin/main", "main")
	got := run(t, r.Dir, pushPayload(t, r.Git("rev-parse", "HEAD")), "run")
	if got.code != ExitOK {
		t.Fatalf("exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	containsAll(t, "stdout", got.stdout, []string{"guard: no GitHub token, so the checkout is checked and no commit status or PR comment is written", "PASS"})
}
