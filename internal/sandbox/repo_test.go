package sandbox

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestRepositoryUserAndRateLimit(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	repo, _, err := c.Repositories.Get(ctx, "ACME", "Shop")
	if err != nil {
		t.Fatalf("get repository: %v", err)
	}
	user, _, err := c.Users.Get(ctx, "")
	if err != nil {
		t.Fatalf("get user: %v", err)
	}
	limits, _, err := c.RateLimit.Get(ctx)
	if err != nil {
		t.Fatalf("get rate limit: %v", err)
	}
	got := []any{repo.GetFullName(), repo.GetDefaultBranch(), repo.GetPermissions()["admin"], repo.GetCloneURL(), repo.GetOwner().GetLogin(), user.GetLogin(), limits.GetCore().Limit, limits.GetCore().Remaining}
	want := []any{"acme/shop", "main", true, dir, "acme", "sandbox-bot", 5000, 5000 - 2} // GET /rate_limit is not counted
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("repository, user, rate limit (-got +want):\n%s", diff)
	}
}

func TestCollaboratorPermission(t *testing.T) {
	t.Parallel()
	srv, c, _ := newTestSandbox(t)
	ctx := context.Background()
	srv.SetCollaborator("maria", "maintain")
	if _, _, err := c.Repositories.AddCollaborator(ctx, "acme", "shop", "tom", &github.RepositoryAddCollaboratorOptions{Permission: "triage"}); err != nil {
		t.Fatalf("add collaborator: %v", err)
	}
	tests := []struct{ login, want string }{
		{login: "sandbox-bot", want: "admin"},
		{login: "maria", want: "write"},
		{login: "tom", want: "read"},
		{login: "stranger", want: "none"},
	}
	for _, tt := range tests {
		t.Run(tt.login, func(t *testing.T) {
			t.Parallel()
			got, _, err := c.Repositories.GetPermissionLevel(ctx, "acme", "shop", tt.login)
			if err != nil || got.GetPermission() != tt.want || got.GetUser().GetLogin() != tt.login {
				t.Errorf("permission of %s: %v, %q for %q; want %q", tt.login, err, got.GetPermission(), got.GetUser().GetLogin(), tt.want)
			}
		})
	}
	_, _, err := c.Repositories.AddCollaborator(ctx, "acme", "shop", "x", &github.RepositoryAddCollaboratorOptions{Permission: "owner"})
	want := validation(github.Error{Resource: "Repository", Field: "permission", Code: "invalid"})
	if diff := cmp.Diff(failure(err), want); diff != "" {
		t.Errorf("bad permission (-got +want):\n%s", diff)
	}
}

func TestStateSurvivesRestart(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "shop.git")
	stateFile := filepath.Join(t.TempDir(), "state.json")
	opts := Options{Dir: dir, Owner: "acme", Name: "shop", Token: testToken, StateFile: stateFile}
	first, err := New(opts)
	if err != nil {
		t.Fatalf("new sandbox: %v", err)
	}
	ctx := context.Background()
	c := testClient(t, first, testToken)
	issue, _, err := c.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Title: github.String("Incident: checkout down")})
	if err != nil {
		t.Fatalf("create issue: %v", err)
	}
	if _, _, err := c.Repositories.AddCollaborator(ctx, "acme", "shop", "maria", &github.RepositoryAddCollaboratorOptions{Permission: "push"}); err != nil {
		t.Fatalf("add collaborator: %v", err)
	}
	second, err := New(opts)
	if err != nil {
		t.Fatalf("restart sandbox: %v", err)
	}
	c2 := testClient(t, second, testToken)
	got, _, err := c2.Issues.Get(ctx, "acme", "shop", issue.GetNumber())
	if err != nil {
		t.Fatalf("get issue after restart: %v", err)
	}
	perm, _, err := c2.Repositories.GetPermissionLevel(ctx, "acme", "shop", "maria")
	if err != nil {
		t.Fatalf("get permission after restart: %v", err)
	}
	next, _, err := c2.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Title: github.String("second")})
	if err != nil {
		t.Fatalf("create issue after restart: %v", err)
	}
	gotFacts := []any{got.GetTitle(), got.GetID(), perm.GetPermission(), next.GetNumber()}
	if diff := cmp.Diff(gotFacts, []any{"Incident: checkout down", issue.GetID(), "write", issue.GetNumber() + 1}); diff != "" {
		t.Errorf("after restart (-got +want):\n%s", diff)
	}
}

func TestLinkHeader(t *testing.T) {
	t.Parallel()
	tests := []struct {
		query string
		total int
		want  string
	}{
		{query: "per_page=2", total: 3, want: `<http://sandbox/repos/o/r/issues?page=2&per_page=2>; rel="next", <http://sandbox/repos/o/r/issues?page=2&per_page=2>; rel="last"`},
		{query: "per_page=2&page=2&state=all", total: 6, want: `<http://sandbox/repos/o/r/issues?page=1&per_page=2&state=all>; rel="prev", <http://sandbox/repos/o/r/issues?page=3&per_page=2&state=all>; rel="next", <http://sandbox/repos/o/r/issues?page=3&per_page=2&state=all>; rel="last", <http://sandbox/repos/o/r/issues?page=1&per_page=2&state=all>; rel="first"`},
		{query: "page=2", total: 31, want: `<http://sandbox/repos/o/r/issues?page=1>; rel="prev", <http://sandbox/repos/o/r/issues?page=1>; rel="first"`},
		{query: "per_page=500", total: 100, want: ``},
		{query: "", total: 0, want: ``},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(http.MethodGet, "http://sandbox/repos/o/r/issues?"+tt.query, nil)
			w := httptest.NewRecorder()
			items := make([]int, tt.total)
			page, _ := paginate(w, r, items)
			if got := w.Header().Get("Link"); got != tt.want {
				t.Errorf("Link = %s\nwant   %s", got, tt.want)
			}
			if page == nil {
				t.Errorf("page is nil; want a non-nil slice")
			}
		})
	}
}
