package cli

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestVerifyPublish writes the hotfix/verify status for a verdict a tokenless run reached, running
// no step (the checkout's policy would fail if it ran).
func TestVerifyPublish(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		args  []string
		code  int
		state string // "state description" of the status written, "" for none
	}{
		{"pass with the run's description", []string{"--publish", "pass", "--description", "3 steps passed in 4s"}, ExitOK, "success 3 steps passed in 4s"},
		{"fail", []string{"--publish", "fail", "--failed-step", "unit"}, ExitOK, "failure step unit failed"},
		{"no verdict", []string{"--publish", "error"}, ExitOK, "error the verify job ended without a verdict"},
		{"a bad verdict", []string{"--publish", "maybe"}, ExitUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			sha := s.Push("hotfix/fix", map[string]string{"a.txt": "a\n"})
			r := verifyRepo(t, "    - {name: unit, run: \"exit 1\"}\n")
			vars := actionVars(t, map[string]string{"INPUT_TOKEN": sandboxtest.Token, "GITHUB_API_URL": s.URL, "GITHUB_REPOSITORY": "acme/shop", "INPUT_SHA": sha})
			got := run(t, r.Dir, vars, append([]string{"verify"}, tt.args...)...)
			if got.code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", got.code, tt.code, got.stdout, got.stderr)
			}
			list, _, err := s.Client.Repositories.ListStatuses(context.Background(), sandboxtest.Owner, sandboxtest.Name, sha, nil)
			if err != nil {
				t.Fatal(err)
			}
			var states []string
			for _, st := range list {
				states = append(states, st.GetState()+" "+st.GetDescription())
			}
			var want []string
			if tt.state != "" {
				want = []string{tt.state}
			}
			if diff := cmp.Diff(states, want); diff != "" {
				t.Errorf("statuses (-got +want):\n%s", diff)
			}
		})
	}
	if got := run(t, t.TempDir(), actionVars(t, map[string]string{"INPUT_TOKEN": "x"}), "verify", "--publish", "pass"); got.code != ExitUsage {
		t.Errorf("--publish without --sha: exit %d, want %d", got.code, ExitUsage)
	}
}
