package sandbox

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestListIssues(t *testing.T) {
	t.Parallel()
	_, c, _, clock := newClockedSandbox(t)
	ctx := context.Background()
	start := clock.now()
	for _, req := range []*github.IssueRequest{
		{Title: github.String("one"), Labels: &[]string{"incident", "severity/P1"}, Assignees: &[]string{"alice"}},
		{Title: github.String("two"), Labels: &[]string{"incident"}},
		{Title: github.String("three"), Labels: &[]string{"Incident", "severity/P1"}, Assignees: &[]string{"bob"}},
		{Title: github.String("four")},
	} {
		createIssue(t, c, req)
		clock.advance(time.Minute)
	}
	if _, _, err := c.Issues.Edit(ctx, "acme", "shop", 2, &github.IssueRequest{State: github.String("closed")}); err != nil {
		t.Fatalf("close issue 2: %v", err)
	}
	tests := []struct {
		name string
		opts github.IssueListByRepoOptions
		want []int
	}{
		{"open by default, newest first", github.IssueListByRepoOptions{}, []int{4, 3, 1}},
		{"closed", github.IssueListByRepoOptions{State: "closed"}, []int{2}},
		{"all, oldest first", github.IssueListByRepoOptions{State: "all", Direction: "asc"}, []int{1, 2, 3, 4}},
		{"labels are all required, ignoring case", github.IssueListByRepoOptions{State: "all", Labels: []string{"incident", "severity/p1"}}, []int{3, 1}},
		{"one label", github.IssueListByRepoOptions{State: "all", Labels: []string{"incident"}}, []int{3, 2, 1}},
		{"since is updated at or after", github.IssueListByRepoOptions{State: "all", Since: start.Add(2 * time.Minute)}, []int{4, 3, 2}},
		{"recently updated first", github.IssueListByRepoOptions{State: "all", Sort: "updated"}, []int{2, 4, 3, 1}},
		{"assignee", github.IssueListByRepoOptions{Assignee: "bob"}, []int{3}},
		{"assigned to anyone", github.IssueListByRepoOptions{Assignee: "*"}, []int{3, 1}},
		{"assigned to no one", github.IssueListByRepoOptions{Assignee: "none", State: "all"}, []int{4, 2}},
		{"creator", github.IssueListByRepoOptions{Creator: "someone-else"}, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			issues, _, err := c.Issues.ListByRepo(ctx, "acme", "shop", &tt.opts)
			if err != nil {
				t.Fatalf("list issues: %v", err)
			}
			if diff := cmp.Diff(issueNumbers(issues), tt.want); diff != "" {
				t.Errorf("issue numbers (-got +want):\n%s", diff)
			}
		})
	}
}

// issueNumbers lists the numbers of issues.
func issueNumbers(issues []*github.Issue) []int {
	out := []int{}
	for _, is := range issues {
		out = append(out, is.GetNumber())
	}
	return out
}

func TestListIssuesPages(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	for range 5 {
		createIssue(t, c, &github.IssueRequest{Title: github.String("flaky test")})
	}
	opts := &github.IssueListByRepoOptions{Direction: "asc", ListOptions: github.ListOptions{PerPage: 2}}
	var pages [][]int
	var links [][2]int
	for {
		issues, resp, err := c.Issues.ListByRepo(ctx, "acme", "shop", opts)
		if err != nil {
			t.Fatalf("list issues page %d: %v", opts.Page, err)
		}
		pages = append(pages, issueNumbers(issues))
		links = append(links, [2]int{resp.NextPage, resp.LastPage})
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	want := [][]int{{1, 2}, {3, 4}, {5}}
	if diff := cmp.Diff(pages, want); diff != "" {
		t.Errorf("pages (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(links, [][2]int{{2, 3}, {3, 3}, {0, 0}}); diff != "" {
		t.Errorf("next and last pages from the Link header (-got +want):\n%s", diff)
	}
}
