package sandbox

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// openPull opens a pull request from head into base or fails the test.
func openPull(t *testing.T, c *github.Client, head, base string) *github.PullRequest {
	t.Helper()
	pr, _, err := c.PullRequests.Create(context.Background(), "acme", "shop", &github.NewPullRequest{
		Title: github.String("Fix " + head), Head: github.String(head), Base: github.String(base), Body: github.String("Incident: #1")})
	if err != nil {
		t.Fatalf("open pull request %s into %s: %v", head, base, err)
	}
	return pr
}

// getPull reads pull request n or fails the test.
func getPull(t *testing.T, c *github.Client, n int) *github.PullRequest {
	t.Helper()
	pr, _, err := c.PullRequests.Get(context.Background(), "acme", "shop", n)
	if err != nil {
		t.Fatalf("get pull request #%d: %v", n, err)
	}
	return pr
}

func TestCreatePull(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	base := runGit(t, dir, "rev-parse", "main")
	pushBranch(t, dir, "hotfix/db", map[string]string{"db.go": "package db\n\nvar Pool = 10\n"})
	head := pushBranch(t, dir, "hotfix/db", map[string]string{"README.md": "# shop\nfixed\n", "db.go": "package db\n"})
	pr := openPull(t, c, "acme:hotfix/db", "main")
	got := []any{pr.GetNumber(), pr.GetState(), pr.GetTitle(), pr.GetBody(), pr.GetUser().GetLogin(),
		pr.GetHead().GetRef(), pr.GetHead().GetSHA(), pr.GetHead().GetLabel(), pr.GetHead().GetRepo().GetFullName(),
		pr.GetBase().GetRef(), pr.GetBase().GetSHA(), pr.GetBase().GetLabel(),
		pr.GetCommits(), pr.GetAdditions(), pr.GetDeletions(), pr.GetChangedFiles(),
		pr.Mergeable == nil, pr.GetMergeableState(), pr.GetMerged(), pr.MergeCommitSHA == nil,
		strings.HasSuffix(pr.GetHTMLURL(), "/acme/shop/pull/1")}
	want := []any{1, "open", "Fix acme:hotfix/db", "Incident: #1", "sandbox-bot",
		"hotfix/db", head, "acme:hotfix/db", "acme/shop",
		"main", base, "acme:main",
		2, 2, 0, 2,
		true, "unknown", false, true,
		true}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("new pull request (-got +want):\n%s", diff)
	}
}

func TestPullAsIssue(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("Outage")})
	pushBranch(t, dir, "hotfix/db", map[string]string{"db.go": "package db\n"})
	openPull(t, c, "hotfix/db", "main")
	if _, _, err := c.Issues.AddLabelsToIssue(ctx, "acme", "shop", 2, []string{"hotfix"}); err != nil {
		t.Fatalf("label the pull request: %v", err)
	}
	issue, _, err := c.Issues.Get(ctx, "acme", "shop", 2)
	if err != nil {
		t.Fatalf("get the pull request as an issue: %v", err)
	}
	_, _, err = c.PullRequests.Get(ctx, "acme", "shop", 1)
	got := []any{issue.IsPullRequest(), strings.HasSuffix(issue.GetPullRequestLinks().GetURL(), "/repos/acme/shop/pulls/2"),
		labelNamesOf(getPull(t, c, 2).Labels), failure(err)}
	want := []any{true, true, []string{"hotfix"}, apiFailure{Status: 404, Message: "Not Found"}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("pull request as an issue, issue as a pull request (-got +want):\n%s", diff)
	}
}

func TestCreatePullErrors(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "feature", map[string]string{"f.txt": "f\n"})
	pushBranch(t, dir, "same", map[string]string{})
	runGit(t, dir, "update-ref", "refs/heads/same", "main")
	openPull(t, c, "feature", "main")
	create := func(title, head, base string) func() error {
		return func() error {
			_, _, err := c.PullRequests.Create(context.Background(), "acme", "shop", &github.NewPullRequest{
				Title: github.String(title), Head: github.String(head), Base: github.String(base)})
			return err
		}
	}
	custom := func(msg string) apiFailure {
		return validation(github.Error{Resource: "PullRequest", Code: "custom", Message: msg})
	}
	tests := []struct {
		name string
		call func() error
		want apiFailure
	}{
		{"an open one exists", create("again", "feature", "main"), custom("A pull request already exists for acme:feature.")},
		{"an open one exists, head with owner", create("again", "acme:feature", "main"), custom("A pull request already exists for acme:feature.")},
		{"no commits ahead", create("empty", "same", "main"), custom("No commits between main and same")},
		{"a head git lacks", create("t", "nope", "main"), validation(github.Error{Resource: "PullRequest", Field: "head", Code: "invalid"})},
		{"another owner's head", create("t", "someone:feature", "main"), validation(github.Error{Resource: "PullRequest", Field: "head", Code: "missing_field"})},
		{"a base git lacks", create("t", "feature", "develop"), validation(github.Error{Resource: "PullRequest", Field: "base", Code: "invalid"})},
		{"no title", create("", "feature", "main"), validation(github.Error{Resource: "PullRequest", Field: "title", Code: "missing_field"})},
		{"get unknown", func() error { _, _, err := c.PullRequests.Get(context.Background(), "acme", "shop", 50); return err },
			apiFailure{Status: 404, Message: "Not Found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(failure(tt.call()), tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
}

func TestPullMergeable(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "clean", map[string]string{"a.txt": "a\n"})
	pushBranch(t, dir, "clash", map[string]string{"README.md": "# theirs\n"})
	pushBranch(t, dir, "main", map[string]string{"README.md": "# ours\n"})
	openPull(t, c, "clean", "main")
	openPull(t, c, "clash", "main")
	state := func(n int) string {
		pr := getPull(t, c, n)
		if pr.Mergeable == nil {
			return "null/" + pr.GetMergeableState()
		}
		return fmt.Sprintf("%v/%s", pr.GetMergeable(), pr.GetMergeableState())
	}
	var got []string
	got = append(got, state(1), state(1), state(2), state(2))
	pushBranch(t, dir, "clean", map[string]string{"b.txt": "b\n"})
	got = append(got, state(1), state(1))
	pushBranch(t, dir, "main", map[string]string{"a.txt": "ours\n"})
	got = append(got, state(1), state(1))
	// Creating starts the computation, so the first read finds it; a branch that moves starts it
	// again on the next read, which answers null.
	want := []string{"true/clean", "true/clean", "false/dirty", "false/dirty",
		"null/unknown", "true/clean", "null/unknown", "false/dirty"}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("mergeable on successive reads (-got +want):\n%s", diff)
	}
}

func TestListPulls(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	pushBranch(t, dir, "develop", map[string]string{"dev.txt": "d\n"})
	for _, b := range []string{"hotfix/a", "hotfix/b", "feature"} {
		pushBranch(t, dir, b, map[string]string{b + ".txt": "x\n"})
	}
	openPull(t, c, "hotfix/a", "main")
	openPull(t, c, "hotfix/a", "develop")
	openPull(t, c, "hotfix/b", "main")
	openPull(t, c, "feature", "develop")
	if _, _, err := c.PullRequests.Edit(ctx, "acme", "shop", 3, &github.PullRequest{State: github.String("closed")}); err != nil {
		t.Fatalf("close #3: %v", err)
	}
	tests := []struct {
		name string
		opts github.PullRequestListOptions
		want []int
	}{
		{"open, newest first", github.PullRequestListOptions{}, []int{4, 2, 1}},
		{"closed", github.PullRequestListOptions{State: "closed"}, []int{3}},
		{"all, oldest first", github.PullRequestListOptions{State: "all", Direction: "asc"}, []int{1, 2, 3, 4}},
		{"by head", github.PullRequestListOptions{Head: "acme:hotfix/a"}, []int{2, 1}},
		{"by head and base", github.PullRequestListOptions{Head: "acme:hotfix/a", Base: "develop"}, []int{2}},
		{"by base", github.PullRequestListOptions{Base: "develop", State: "all"}, []int{4, 2}},
		{"a head without its owner is ignored", github.PullRequestListOptions{Head: "hotfix/a"}, []int{4, 2, 1}},
		{"another owner's head", github.PullRequestListOptions{Head: "someone:hotfix/a"}, []int{}},
		{"a page", github.PullRequestListOptions{State: "all", ListOptions: github.ListOptions{PerPage: 3, Page: 2}}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			prs, _, err := c.PullRequests.List(ctx, "acme", "shop", &tt.opts)
			if err != nil {
				t.Fatalf("list pull requests: %v", err)
			}
			got := []int{}
			for _, pr := range prs {
				got = append(got, pr.GetNumber())
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("pull request numbers (-got +want):\n%s", diff)
			}
		})
	}
	_, _, err := c.PullRequests.List(ctx, "acme", "shop", &github.PullRequestListOptions{State: "merged"})
	want := validation(github.Error{Resource: "PullRequest", Field: "state", Code: "invalid"})
	if diff := cmp.Diff(failure(err), want); diff != "" {
		t.Errorf("list with state merged (-got +want):\n%s", diff)
	}
}

func TestUpdatePull(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	pushBranch(t, dir, "develop", map[string]string{"dev.txt": "d\n"})
	pushBranch(t, dir, "hotfix/x", map[string]string{"x.txt": "x\n"})
	openPull(t, c, "hotfix/x", "main")
	getPull(t, c, 1)
	edited, _, err := c.PullRequests.Edit(ctx, "acme", "shop", 1, &github.PullRequest{Title: github.String("Backport x"),
		Body: github.String("to develop"), Base: &github.PullRequestBranch{Ref: github.String("develop")}})
	if err != nil {
		t.Fatalf("edit pull request: %v", err)
	}
	afterBase := getPull(t, c, 1)
	closed, _, err := c.PullRequests.Edit(ctx, "acme", "shop", 1, &github.PullRequest{State: github.String("closed")})
	if err != nil {
		t.Fatalf("close pull request: %v", err)
	}
	got := []any{edited.GetTitle(), edited.GetBody(), edited.GetBase().GetRef(), edited.GetBase().GetSHA(),
		afterBase.Mergeable == nil, closed.GetState(), closed.ClosedAt != nil, closed.GetMerged()}
	want := []any{"Backport x", "to develop", "develop", runGit(t, dir, "rev-parse", "develop"), true, "closed", true, false}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("pull request after edits (-got +want):\n%s", diff)
	}
	edit := func(pr *github.PullRequest) func() error {
		return func() error { _, _, err := c.PullRequests.Edit(ctx, "acme", "shop", 1, pr); return err }
	}
	rebase := func(base string) *github.PullRequest {
		return &github.PullRequest{Base: &github.PullRequestBranch{Ref: github.String(base)}}
	}
	tests := []struct {
		name string
		call func() error
		want apiFailure
	}{
		{"the base of a closed one", edit(rebase("main")), validation(github.Error{Resource: "PullRequest", Field: "base", Code: "custom",
			Message: "Cannot change base branch of closed pull request."})},
		{"an unknown state", edit(&github.PullRequest{State: github.String("merged")}), validation(github.Error{Resource: "PullRequest",
			Field: "state", Code: "invalid"})},
		{"an unknown pull request", func() error {
			_, _, err := c.PullRequests.Edit(ctx, "acme", "shop", 7, &github.PullRequest{Title: github.String("x")})
			return err
		}, apiFailure{Status: 404, Message: "Not Found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(failure(tt.call()), tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
}
