package sandbox

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-github/v60/github"
)

// placeholder is the normalized SHA number n of @octokit/fixtures.
func placeholder(n int) string {
	return fmt.Sprintf("%040d", n)
}

// noSetup starts from the new repository.
func noSetup(*testing.T, *github.Client, string) map[string]string {
	return map[string]string{}
}

// twoCommits gives main a second commit, as the git-refs recording has it: placeholder 1 is
// main's head (the second commit), placeholder 2 the first commit.
func twoCommits(t *testing.T, _ *github.Client, dir string) map[string]string {
	first := runGit(t, dir, "rev-parse", "refs/heads/main")
	second := pushBranch(t, dir, "main", map[string]string{"2.md": "# git-refs\ncreated with 2nd commit\n"})
	return map[string]string{placeholder(1): second, placeholder(2): first}
}

// mainHead maps placeholder 1 to main's head, the commit the statuses are set on.
func mainHead(t *testing.T, _ *github.Client, dir string) map[string]string {
	return map[string]string{placeholder(1): runGit(t, dir, "rev-parse", "refs/heads/main")}
}

// thirteenIssues opens "Test issue 1" to "Test issue 13", as the paginate-issues recording has.
func thirteenIssues(t *testing.T, c *github.Client, _ string) map[string]string {
	for n := 1; n <= 13; n++ {
		req := &github.IssueRequest{Title: github.String(fmt.Sprintf("Test issue %d", n))}
		if _, _, err := c.Issues.Create(context.Background(), "acme", "shop", req); err != nil {
			t.Fatalf("create issue %d: %v", n, err)
		}
	}
	return map[string]string{}
}
