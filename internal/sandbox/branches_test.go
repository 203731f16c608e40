package sandbox

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestBranches(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	want := map[string]string{"main": runGit(t, dir, "rev-parse", "main")}
	for _, b := range []string{"develop", "hotfix/crash", "release/1.1"} {
		want[b] = pushBranch(t, dir, b, map[string]string{b + ".txt": b})
	}
	ctx := context.Background()
	got := map[string]string{}
	opts := &github.BranchListOptions{ListOptions: github.ListOptions{PerPage: 3}}
	for {
		page, resp, err := c.Repositories.ListBranches(ctx, "acme", "shop", opts)
		if err != nil {
			t.Fatalf("list branches: %v", err)
		}
		for _, b := range page {
			got[b.GetName()] = b.GetCommit().GetSHA()
		}
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("branches (-got +want):\n%s", diff)
	}
	b, _, err := c.Repositories.GetBranch(ctx, "acme", "shop", "hotfix/crash", 0)
	if err != nil || b.GetName() != "hotfix/crash" || b.GetCommit().GetSHA() != want["hotfix/crash"] || b.GetCommit().GetCommit().GetMessage() != "change hotfix/crash" {
		t.Errorf("get branch: %v, %q at %s; want hotfix/crash at %s", err, b.GetName(), b.GetCommit().GetSHA(), want["hotfix/crash"])
	}
	req, err := c.NewRequest(http.MethodGet, "repos/acme/shop/branches/nope", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Do(ctx, req, nil)
	if diff := cmp.Diff(failure(err), apiFailure{Status: 404, Message: "Branch not found"}); diff != "" {
		t.Errorf("missing branch (-got +want):\n%s", diff)
	}
}
