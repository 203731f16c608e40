package sandbox

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// TestLocationOnEveryCreate checks that each 201 carries a Location naming the object created,
// as the recorded create-status exchange has it.
func TestLocationOnEveryCreate(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	head := pushBranch(t, dir, "hotfix/x", map[string]string{"fix.txt": "fix\n"})
	main := runGit(t, dir, "rev-parse", "main")
	creates := []struct {
		name string
		do   func() (string, *github.Response, error)
	}{
		{"issue", func() (string, *github.Response, error) {
			v, resp, err := c.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Title: github.String("t")})
			return v.GetURL(), resp, err
		}},
		{"comment", func() (string, *github.Response, error) {
			v, resp, err := c.Issues.CreateComment(ctx, "acme", "shop", 1, &github.IssueComment{Body: github.String("b")})
			return v.GetURL(), resp, err
		}},
		{"pull request", func() (string, *github.Response, error) {
			v, resp, err := c.PullRequests.Create(ctx, "acme", "shop", &github.NewPullRequest{Title: github.String("t"), Head: github.String("hotfix/x"), Base: github.String("main")})
			return v.GetURL(), resp, err
		}},
		{"label", func() (string, *github.Response, error) {
			v, resp, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Name: github.String("sev:P1"), Color: github.String("d73a4a")})
			return v.GetURL(), resp, err
		}},
		{"ref", func() (string, *github.Response, error) {
			v, resp, err := c.Git.CreateRef(ctx, "acme", "shop", &github.Reference{Ref: github.String("refs/heads/b"), Object: &github.GitObject{SHA: github.String(main)}})
			return v.GetURL(), resp, err
		}},
		{"tag object", func() (string, *github.Response, error) {
			v, resp, err := c.Git.CreateTag(ctx, "acme", "shop", &github.Tag{Tag: github.String("v1"), Message: github.String("m"), Object: &github.GitObject{SHA: github.String(main), Type: github.String("commit")}})
			return v.GetURL(), resp, err
		}},
		{"release", func() (string, *github.Response, error) {
			v, resp, err := c.Repositories.CreateRelease(ctx, "acme", "shop", &github.RepositoryRelease{TagName: github.String("v1.0.0")})
			return v.GetURL(), resp, err
		}},
		{"status", func() (string, *github.Response, error) {
			v, resp, err := c.Repositories.CreateStatus(ctx, "acme", "shop", head, &github.RepoStatus{State: github.String("success")})
			return v.GetURL(), resp, err
		}},
		{"merge", func() (string, *github.Response, error) {
			v, resp, err := c.Repositories.Merge(ctx, "acme", "shop", &github.RepositoryMergeRequest{Base: github.String("main"), Head: github.String("hotfix/x")})
			return v.GetURL(), resp, err
		}},
	}
	for _, tt := range creates { // in order: the comment needs the issue
		url, resp, err := tt.do()
		if err != nil {
			t.Fatalf("create %s: %v", tt.name, err)
		}
		got := []any{resp.StatusCode, resp.Header.Get("Location")}
		if diff := cmp.Diff(got, []any{http.StatusCreated, url}); diff != "" || url == "" {
			t.Errorf("create %s: status and Location (-got +want):\n%s", tt.name, diff)
		}
	}
}

// TestConditionalGet checks that a GET repeated with its ETag is 304, with no body, and that it
// changes when the object does.
func TestConditionalGet(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	issue, _, err := c.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Title: github.String("t")})
	if err != nil {
		t.Fatal(err)
	}
	get := func(etag string) (*http.Response, []byte) {
		req, err := c.NewRequest(http.MethodGet, "repos/acme/shop/issues/1", nil)
		if err != nil {
			t.Fatal(err)
		}
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		resp, err := c.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body := make([]byte, 1)
		n, _ := resp.Body.Read(body)
		return resp, body[:n]
	}
	first, _ := get("")
	tag := first.Header.Get("ETag")
	again, body := get(tag)
	if again.StatusCode != http.StatusNotModified || len(body) != 0 || again.Header.Get("ETag") != tag {
		t.Errorf("GET with If-None-Match %s: %d, %d body bytes, ETag %q; want 304, none, the same", tag, again.StatusCode, len(body), again.Header.Get("ETag"))
	}
	if _, _, err := c.Issues.Edit(ctx, "acme", "shop", issue.GetNumber(), &github.IssueRequest{Title: github.String("new")}); err != nil {
		t.Fatal(err)
	}
	changed, _ := get(tag)
	if changed.StatusCode != http.StatusOK || changed.Header.Get("ETag") == tag {
		t.Errorf("GET after an edit with the old ETag: %d, ETag %q; want 200 and a new ETag", changed.StatusCode, changed.Header.Get("ETag"))
	}
}
