package change

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// TestFromGitProcesses counts the git processes FromGit starts, through a git on PATH that
// logs its subcommand (after -C dir) and runs the real one. It sets PATH, so it does not run in parallel.
func TestFromGitProcesses(t *testing.T) {
	r := gittest.New(t)
	r.Commit("base", map[string]string{"a.go": gittest.Lines("a", 10)})
	r.Git("checkout", "-q", "-b", "hotfix/x")
	r.Commit("fix", map[string]string{"a.go": gittest.Lines("a", 9) + "fixed\n"})
	r.Git("checkout", "-q", "main")
	r.Commit("main moved", map[string]string{"b.go": "b\n"})
	r.Git("checkout", "-q", "hotfix/x")
	r.Commit("fix 2", map[string]string{"c.go": "c\n"})
	r.Git("merge", "-q", "--no-edit", "-m", "merge main", "main")
	logFile := gittest.LogCalls(t)
	tests := []struct {
		name, base, head string
		want             []string
	}{
		{"a hotfix range: the diff and the log", "main", "hotfix/x~1", []string{"diff", "log"}},
		{"an empty range: rev-parse finds the ends", "hotfix/x", "main", []string{"diff", "log", "rev-parse"}},
		{"main merged in: two boundary commits, rev-parse finds the merge base", "main", "hotfix/x", []string{"diff", "log", "rev-parse"}},
	}
	for _, tt := range tests {
		os.Remove(logFile)
		set, err := FromGit(context.Background(), r.Dir, tt.base, tt.head)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		data, _ := os.ReadFile(logFile)
		got := strings.Fields(string(data))
		if diff := cmp.Diff(sorted(got), tt.want); diff != "" {
			t.Errorf("%s: git processes (-got +want):\n%s", tt.name, diff)
		}
		mb := r.Git("merge-base", tt.base, tt.head)
		if set.BaseSHA != mb || set.HeadSHA != r.Git("rev-parse", tt.head) {
			t.Errorf("%s: base %s head %s, want the merge base %s and %s", tt.name, set.BaseSHA, set.HeadSHA, mb, tt.head)
		}
	}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
