package sandbox

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestPullFiles(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	files := map[string]string{"README.md": "# shop\nmore\n"}
	for i := range 120 {
		files[fmt.Sprintf("pkg/f%03d.go", i)] = "package pkg\n"
	}
	pushBranch(t, dir, "big", files)
	openPull(t, c, "big", "main")
	opts := &github.ListOptions{PerPage: 100}
	var sizes []int
	adds, dels, statuses := 0, 0, map[string]int{}
	for {
		page, resp, err := c.PullRequests.ListFiles(ctx, "acme", "shop", 1, opts)
		if err != nil {
			t.Fatalf("list files page %d: %v", opts.Page, err)
		}
		sizes = append(sizes, len(page))
		for _, f := range page {
			adds, dels = adds+f.GetAdditions(), dels+f.GetDeletions()
			statuses[f.GetStatus()]++
		}
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	pr := getPull(t, c, 1)
	got := []any{sizes, adds, dels, statuses, pr.GetChangedFiles(), pr.GetAdditions(), pr.GetDeletions()}
	want := []any{[]int{100, 21}, 121, 0, map[string]int{"added": 120, "modified": 1}, 121, 121, 0}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("files over pages, and the pull request's counts (-got +want):\n%s", diff)
	}
}

func TestPullCommits(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	var shas []string
	for i := range 3 {
		shas = append(shas, pushBranch(t, dir, "hotfix/x", map[string]string{"x.txt": fmt.Sprint(i, "\n")}))
	}
	pushBranch(t, dir, "main", map[string]string{"main.txt": "moved on\n"})
	openPull(t, c, "hotfix/x", "main")
	all, _, err := c.PullRequests.ListCommits(ctx, "acme", "shop", 1, nil)
	if err != nil {
		t.Fatalf("list commits: %v", err)
	}
	second, _, err := c.PullRequests.ListCommits(ctx, "acme", "shop", 1, &github.ListOptions{PerPage: 2, Page: 2})
	if err != nil {
		t.Fatalf("list commits page 2: %v", err)
	}
	got := [][]string{commitSHAs(all), commitSHAs(second)}
	if diff := cmp.Diff(got, [][]string{shas, shas[2:]}); diff != "" {
		t.Errorf("commits, oldest first (-got +want):\n%s", diff)
	}
	_, _, err = c.PullRequests.ListFiles(ctx, "acme", "shop", 9, nil)
	if diff := cmp.Diff(failure(err), apiFailure{Status: 404, Message: "Not Found"}); diff != "" {
		t.Errorf("files of an unknown pull request (-got +want):\n%s", diff)
	}
}

// commitSHAs lists the SHAs of commits.
func commitSHAs(commits []*github.RepositoryCommit) []string {
	out := []string{}
	for _, c := range commits {
		out = append(out, c.GetSHA())
	}
	return out
}
