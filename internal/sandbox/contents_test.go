package sandbox

import (
	"context"
	"testing"

	"github.com/google/go-github/v60/github"
)

func TestGetContents(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "main", map[string]string{".github/hotfix.yml": "guard:\n  max_lines: 20\n"})
	pushBranch(t, dir, "hotfix/x", map[string]string{".github/hotfix.yml": "guard:\n  max_lines: 9000\n"})
	ctx := context.Background()
	for ref, want := range map[string]string{"main": "guard:\n  max_lines: 20\n", "hotfix/x": "guard:\n  max_lines: 9000\n", "": "guard:\n  max_lines: 20\n"} {
		f, _, _, err := c.Repositories.GetContents(ctx, "acme", "shop", ".github/hotfix.yml", &github.RepositoryContentGetOptions{Ref: ref})
		if err != nil {
			t.Fatalf("ref %q: %v", ref, err)
		}
		got, err := f.GetContent()
		if err != nil || got != want {
			t.Errorf("ref %q: content %q, %v; want %q", ref, got, err, want)
		}
	}
	for _, tc := range []struct{ path, ref string }{{"missing.yml", "main"}, {".github/hotfix.yml", "nope"}, {".github", "main"}} {
		_, _, resp, err := c.Repositories.GetContents(ctx, "acme", "shop", tc.path, &github.RepositoryContentGetOptions{Ref: tc.ref})
		if err == nil || resp.StatusCode != 404 {
			t.Errorf("%s at %s: %v, want 404", tc.path, tc.ref, err)
		}
	}
}
