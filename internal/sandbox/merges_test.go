package sandbox

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestMerge(t *testing.T) {
	t.Parallel()
	srv, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "develop", map[string]string{"dev.txt": "dev\n"})
	head := pushBranch(t, dir, "hotfix/x", map[string]string{"fix.txt": "fix\n"})
	pushBranch(t, dir, "clash-a", map[string]string{"README.md": "a\n"})
	pushBranch(t, dir, "clash-b", map[string]string{"README.md": "b\n"})
	ctx := context.Background()
	rc, resp, err := c.Repositories.Merge(ctx, "acme", "shop", &github.RepositoryMergeRequest{Base: github.String("develop"), Head: github.String("hotfix/x")})
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("merge: %v, status %d; want 201", err, resp.StatusCode)
	}
	parents := strings.Fields(runGit(t, dir, "log", "-1", "--format=%P", "develop"))
	got := []any{rc.GetSHA(), len(parents), parents[1], rc.GetCommit().GetMessage(), runGit(t, dir, "show", "develop:fix.txt"),
		rc.GetAuthor().GetLogin(), rc.GetCommitter().GetLogin(), len(rc.Parents), rc.Parents[1].GetSHA()}
	want := []any{runGit(t, dir, "rev-parse", "develop"), 2, head, "Merge hotfix/x into develop", "fix",
		srv.opts.User, "web-flow", 2, head}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("merge commit (-got +want):\n%s", diff)
	}
	tests := []struct {
		name, base, head string
		wantStatus       int
		want             apiFailure
	}{
		{name: "already merged", base: "develop", head: "hotfix/x", wantStatus: http.StatusNoContent},
		{name: "conflict", base: "clash-a", head: "clash-b", wantStatus: http.StatusConflict, want: apiFailure{Status: 409, Message: "Merge conflict"}},
		{name: "missing base", base: "nope", head: "hotfix/x", wantStatus: http.StatusNotFound, want: apiFailure{Status: 404, Message: "Base does not exist"}},
		{name: "missing head", base: "develop", head: "nope", wantStatus: http.StatusNotFound, want: apiFailure{Status: 404, Message: "Head does not exist"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			before := gitOutput(dir, "rev-parse", "refs/heads/"+tt.base+"^{commit}", "--")
			_, resp, err := c.Repositories.Merge(ctx, "acme", "shop", &github.RepositoryMergeRequest{Base: github.String(tt.base), Head: github.String(tt.head)})
			if diff := cmp.Diff([]any{resp.StatusCode, failure(err)}, []any{tt.wantStatus, tt.want}); diff != "" {
				t.Errorf("merge %s into %s (-got +want):\n%s", tt.head, tt.base, diff)
			}
			if after := gitOutput(dir, "rev-parse", "refs/heads/"+tt.base+"^{commit}", "--"); after != before {
				t.Errorf("%s moved from %s to %s; want it unchanged", tt.base, before, after)
			}
		})
	}
}
