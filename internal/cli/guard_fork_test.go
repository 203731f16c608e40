package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestGuardPushMeasuresFromForkPoint pushes hotfixes cut from main and from release/1.4, whose
// own commits (12 lines replaced) would break the 20-line limit if counted: the push guard
// measures each from the branch it was cut from, and agrees with the guard of its pull request.
func TestGuardPushMeasuresFromForkPoint(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		from, line string // the branch the hotfix is cut from; the line the guard prints
	}{
		"cut from the maintenance branch": {"release/1.4", "guard: the push was cut from release/1.4, not main, so it is measured from release/1.4"},
		"cut from production":             {"main", ""},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s, _ := guardSandbox(t, 1)
			s.Push("release/1.4", map[string]string{"src/svc.go": gittest.Lines("svc", 88) + gittest.Lines("rel", 12)}, "main")
			s.Push("main", map[string]string{"NEWS.md": "main moved on\n"})
			head := s.Push("hotfix/y", map[string]string{"fix.txt": "fixed\n"}, tc.from)
			push := pushPayload(t, head)
			got := run(t, t.TempDir(), guardVars(t, s, "push", push["GITHUB_EVENT_PATH"]), "run")
			if got.code != ExitOK {
				t.Fatalf("push: exit %d, want 0\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
			}
			if tc.line != "" && !strings.Contains(got.stdout, tc.line) {
				t.Errorf("stdout lacks %q:\n%s", tc.line, got.stdout)
			}
			if tc.line == "" && strings.Contains(got.stdout, "was cut from") {
				t.Errorf("stdout names another fork point:\n%s", got.stdout)
			}
			pushed := guardStatuses(t, s, head)
			pr, _, err := s.Client.PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
				&github.NewPullRequest{Title: github.String("Fix"), Head: github.String("hotfix/y"), Base: github.String(tc.from)})
			if err != nil {
				t.Fatal(err)
			}
			again := run(t, t.TempDir(), guardVars(t, s, "pull_request", pullPayload(t, s, pr.GetNumber(), false)), "run")
			if again.code != ExitOK || !strings.Contains(again.stdout, "already success") {
				t.Errorf("pull request: exit %d, want 0 and the push's status kept as it is\n%s", again.code, again.stdout)
			}
			want := []string{"success", "PASS: 1 file, 1 line"}
			if len(pushed) != 1 {
				t.Fatalf("%d statuses after the push, want 1", len(pushed))
			}
			if diff := cmp.Diff([]string{pushed[0].GetState(), pushed[0].GetDescription()}, want); diff != "" {
				t.Errorf("status (-got +want):\n%s", diff)
			}
		})
	}
}
