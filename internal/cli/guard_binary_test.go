package cli

import (
	"bytes"
	"context"
	"maps"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/localguard"
)

// TestGuardBinaryAgrees: hotfix-guard (localguard.Main) and `hotfix guard` print the same
// verdict, write the same outputs, annotations and summary, say the same errors and exit with the
// same codes, on a terminal and inside a job.
func TestGuardBinaryAgrees(t *testing.T) {
	t.Parallel()
	small, big := hotfixRepo(t, 3), hotfixRepo(t, 150)
	bad := gittest.New(t)
	bad.Commit("policy", map[string]string{".github/hotfix.yml": "guard:\n  max_linez: 3\n"})
	tests := []struct {
		name string
		dir  string
		args []string
		code int
	}{
		{"pass", small.Dir, nil, ExitOK},
		{"pass as JSON", small.Dir, []string{"--json"}, ExitOK},
		{"fail", big.Dir, nil, ExitFailed},
		{"fail as JSON", big.Dir, []string{"--json"}, ExitFailed},
		{"tightened", small.Dir, []string{"--max-lines", "4", "--severity", "P1"}, ExitFailed},
		{"bad base", small.Dir, []string{"--base", "nope"}, ExitUsage},
		{"option as a ref", small.Dir, []string{"--head=--output=x"}, ExitUsage},
		{"invalid policy", bad.Dir, []string{"--head", "main"}, ExitUsage},
		{"not a repository", t.TempDir(), nil, ExitUsage},
		{"bad severity", small.Dir, []string{"--severity", "P9"}, ExitUsage},
		{"negative limit", small.Dir, []string{"--max-files", "-1"}, ExitUsage},
		{"stray argument", small.Dir, []string{"main"}, ExitUsage},
	}
	delimiter := regexp.MustCompile(`ghadelimiter_[0-9a-f]+`)
	for _, tt := range tests {
		for _, inJob := range []bool{false, true} {
			t.Run(tt.name+map[bool]string{false: "", true: " in a job"}[inJob], func(t *testing.T) {
				t.Parallel()
				vars := map[string]string{}
				if inJob {
					vars = actionVars(t, nil)
				}
				want := run(t, tt.dir, vars, append([]string{"guard"}, tt.args...)...)
				if want.code != tt.code {
					t.Fatalf("hotfix guard exits %d, want %d; stderr %s", want.code, tt.code, want.stderr)
				}
				if inJob { // the same files, fresh, for the second binary
					vars = maps.Clone(vars)
					dir := t.TempDir()
					vars["GITHUB_OUTPUT"], vars["GITHUB_STEP_SUMMARY"] = filepath.Join(dir, "output"), filepath.Join(dir, "summary")
				}
				var stdout, stderr bytes.Buffer
				code := localguard.Main(context.Background(), tt.args, localguard.IO{Getenv: MapEnv(vars), Stdout: &stdout, Stderr: &stderr, Dir: tt.dir, Version: "dev"})
				got := result{code: code, stdout: stdout.String(), stderr: stderr.String()}
				got.outputs, _ = readIfSet(vars["GITHUB_OUTPUT"])
				got.summary, _ = readIfSet(vars["GITHUB_STEP_SUMMARY"])
				want.outputs = delimiter.ReplaceAllString(want.outputs, "D")
				got.outputs = delimiter.ReplaceAllString(got.outputs, "D")
				if diff := cmp.Diff(want, got, cmp.AllowUnexported(result{})); diff != "" {
					t.Errorf("hotfix-guard differs from hotfix guard (-hotfix +hotfix-guard):\n%s", diff)
				}
			})
		}
	}
}
