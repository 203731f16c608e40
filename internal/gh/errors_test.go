package gh

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// call is one request that ends in an API error.
type call func(ctx context.Context, c *github.Client, f *fixture) error

func TestErrorKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		faults   string
		token    string
		call     call
		wantKind ErrorKind
		wantText string
	}{
		{"missing ref", "", testToken, getMissingRef, NotFound, "(or the token cannot see it)"},
		{"wrong token", "", "ghs_NotTheSandboxToken", getUser, Unauthorized, "401 Bad credentials"},
		{"ref write forbidden", "route=POST /repos/{owner}/{repo}/git/refs:forbidden", testToken, createMainRef, Forbidden,
			"Resource not accessible by integration [] (the token may lack the contents: write permission)"},
		{"label write forbidden", "route=POST /repos/{owner}/{repo}/labels:forbidden", testToken, createLabel, Forbidden,
			"(the token may lack the issues: write permission)"},
		{"status write forbidden", "route=POST /repos/{owner}/{repo}/statuses/{sha}:forbidden", testToken, createStatus, Forbidden,
			"(the token may lack the statuses: write permission)"},
		{"pull read forbidden", "route=GET /repos/{owner}/{repo}/pulls/{number}:forbidden", testToken, getPull, Forbidden,
			"(the token may lack the pull-requests: read permission)"},
		{"merge of a moved head", "", testToken, mergeMovedHead, Conflict, "409 Head branch was modified"},
		{"ref exists", "", testToken, createMainRef, Validation, "422 Reference already exists"},
		{"label without a name", "", testToken, createNamelessLabel, Validation, "missing_field"},
		{"write outcome lost", "route=POST /repos/{owner}/{repo}/labels:reset@after", testToken, createLabel, Uncertain,
			"outcome unknown, read it back before writing again"},
		{"read keeps failing", "route=GET /user:500", testToken, getUser, Unavailable, "500 Server Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, tt.faults)
			c := f.client(t, func(o *Options) { o.Token = tt.token })
			err := Explain(tt.call(t.Context(), c, f))
			if got := Kind(err); got != tt.wantKind {
				t.Errorf("Kind(%v) = %v, want %v", err, got, tt.wantKind)
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("error %q does not contain %q", err, tt.wantText)
			}
			if text := fmt.Sprint(err, f.logs.get()); strings.Contains(text, testToken) {
				t.Errorf("the token shows in the error or the log: %s", text)
			}
			if req := failedRequest(err); req != nil && req.Header.Get("Authorization") != "" {
				t.Errorf("the error keeps the request's Authorization header")
			}
		})
	}
}

func getMissingRef(ctx context.Context, c *github.Client, _ *fixture) error {
	_, _, err := c.Git.GetRef(ctx, "acme", "shop", "heads/missing")
	return err
}

func getUser(ctx context.Context, c *github.Client, _ *fixture) error {
	_, _, err := c.Users.Get(ctx, "")
	return err
}

func createMainRef(ctx context.Context, c *github.Client, f *fixture) error {
	ref := &github.Reference{Ref: github.String("refs/heads/main"), Object: &github.GitObject{SHA: github.String(f.main)}}
	_, _, err := c.Git.CreateRef(ctx, "acme", "shop", ref)
	return err
}

func createLabel(ctx context.Context, c *github.Client, _ *fixture) error {
	_, _, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Name: github.String("incident"), Color: github.String("d73a4a")})
	return err
}

func createNamelessLabel(ctx context.Context, c *github.Client, _ *fixture) error {
	_, _, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Color: github.String("d73a4a")})
	return err
}

func createStatus(ctx context.Context, c *github.Client, f *fixture) error {
	_, _, err := c.Repositories.CreateStatus(ctx, "acme", "shop", f.main, &github.RepoStatus{State: github.String("success")})
	return err
}

func getPull(ctx context.Context, c *github.Client, _ *fixture) error {
	_, _, err := c.PullRequests.Get(ctx, "acme", "shop", 1)
	return err
}

// mergeMovedHead opens a pull request and merges it with a head SHA that is not its head.
func mergeMovedHead(ctx context.Context, c *github.Client, f *fixture) error {
	pushCommit(f.t, f.dir, "hotfix/x", "main")
	pr, _, err := f.direct.PullRequests.Create(ctx, "acme", "shop", &github.NewPullRequest{
		Title: github.String("Fix"), Head: github.String("hotfix/x"), Base: github.String("main")})
	if err != nil {
		return fmt.Errorf("open pull request: %w", err)
	}
	_, _, err = c.PullRequests.Merge(ctx, "acme", "shop", pr.GetNumber(), "", &github.PullRequestOptions{SHA: f.main})
	return err
}

func TestFieldErrors(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	err := createNamelessLabel(t.Context(), f.client(t), f)
	want := []github.Error{{Resource: "Label", Field: "name", Code: "missing_field"}}
	if diff := cmp.Diff(fieldErrors(err), want); diff != "" {
		t.Errorf("field errors (-got +want):\n%s", diff)
	}
	if got := fieldErrors(errors.New("plain")); got != nil {
		t.Errorf("field errors of a plain error: %v, want none", got)
	}
}
