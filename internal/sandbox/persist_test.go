package sandbox

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestPullsAndCommentsSurviveRestart(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "shop.git")
	opts := Options{Dir: dir, Owner: "acme", Name: "shop", Token: testToken, StateFile: filepath.Join(t.TempDir(), "state.json")}
	first, err := New(opts)
	if err != nil {
		t.Fatalf("new sandbox: %v", err)
	}
	pushBranchFrom(t, dir, "main", "", map[string]string{"README.md": "# shop\n"})
	head := pushBranch(t, dir, "hotfix/x", map[string]string{"x.txt": "x\n"})
	ctx := context.Background()
	c := testClient(t, first, testToken)
	openPull(t, c, "hotfix/x", "main")
	comment(t, c, 1, "guard: pass")
	if _, _, err := c.Issues.AddLabelsToIssue(ctx, "acme", "shop", 1, []string{"hotfix"}); err != nil {
		t.Fatalf("label: %v", err)
	}
	setStatus(t, c, head, "hotfix/guard", "success")
	res, _, err := c.PullRequests.Merge(ctx, "acme", "shop", 1, "", &github.PullRequestOptions{MergeMethod: "squash"})
	if err != nil {
		t.Fatalf("merge: %v", err)
	}
	second, err := New(opts)
	if err != nil {
		t.Fatalf("restart sandbox: %v", err)
	}
	c2 := testClient(t, second, testToken)
	pr := getPull(t, c2, 1)
	comments, _, err := c2.Issues.ListComments(ctx, "acme", "shop", 1, nil)
	if err != nil {
		t.Fatalf("list comments: %v", err)
	}
	combined, _, err := c2.Repositories.GetCombinedStatus(ctx, "acme", "shop", head, nil)
	if err != nil {
		t.Fatalf("combined status: %v", err)
	}
	got := []any{pr.GetMerged(), pr.GetMergeCommitSHA(), pr.GetHead().GetSHA(), labelNamesOf(pr.Labels), len(comments), combined.GetState()}
	want := []any{true, res.GetSHA(), head, []string{"hotfix"}, 1, "success"}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("after restart (-got +want):\n%s", diff)
	}
}
