package change

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// TestPendingSet reads the same change set as FromGit whether the range was begun with the base
// asked for, with another (a ref the policy was not read from, even one that doesn't exist), or
// not begun.
func TestPendingSet(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("base", map[string]string{"a.go": gittest.Lines("a", 10)})
	r.Git("update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "main"))
	r.Commit("main moved", map[string]string{"b.go": "b\n"})
	r.Git("checkout", "-q", "-b", "hotfix/x")
	r.Commit("fix", map[string]string{"a.go": gittest.Lines("a", 9) + "fixed\n"})
	ctx := context.Background()
	for _, tc := range []struct{ name, begun, base string }{
		{"begun with the base", "refs/heads/main", "refs/heads/main"},
		{"begun with another ref", "refs/remotes/origin/main", "refs/heads/main"},
		{"begun with a missing ref", "refs/remotes/origin/nope", "refs/heads/main"},
		{"not begun", "", "refs/heads/main"},
	} {
		want, err := FromGit(ctx, r.Dir, tc.base, "hotfix/x")
		if err != nil {
			t.Fatal(err)
		}
		p := Begin(ctx, r.Dir, tc.begun, "hotfix/x")
		got, err := p.Set(ctx, tc.base)
		p.Stop()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if diff := cmp.Diff(got, want); diff != "" {
			t.Errorf("%s: Set(%s) (-got +want):\n%s", tc.name, tc.base, diff)
		}
	}
}

// TestPendingStopEndsTheRead stops a read that nobody asked for, and can be called twice.
func TestPendingStopEndsTheRead(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("base", map[string]string{"a.go": "a\n"})
	p := Begin(context.Background(), r.Dir, "main", "main")
	p.Stop()
	p.Stop()
	select {
	case <-p.done:
	default:
		t.Error("Stop returned before the read ended")
	}
}
