package contract

import (
	"errors"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckRoutesMultiSegmentParameters(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	tests := []struct {
		method, path string
		want         string
	}{
		{"GET", "/repos/o/r/git/ref/heads/hotfix/login-timeout", "/repos/{owner}/{repo}/git/ref/{ref}"},
		{"GET", "/repos/o/r/git/matching-refs/tags/v1.2", "/repos/{owner}/{repo}/git/matching-refs/{ref}"},
		{"PATCH", "/repos/o/r/git/refs/heads/release/1.2", "/repos/{owner}/{repo}/git/refs/{ref}"},
		{"GET", "/repos/o/r/commits/hotfix/a/b/statuses", "/repos/{owner}/{repo}/commits/{ref}/statuses"},
		{"GET", "/repos/o/r/commits/hotfix/a/b/status", "/repos/{owner}/{repo}/commits/{ref}/status"},
		{"GET", "/repos/o/r/commits/hotfix/a/b", "/repos/{owner}/{repo}/commits/{ref}"},
		{"GET", "/repos/o/r/compare/main...hotfix/a", "/repos/{owner}/{repo}/compare/{basehead}"},
		{"GET", "/repos/o/r/branches/release/1.2", "/repos/{owner}/{repo}/branches/{branch}"},
		{"GET", "/repos/o/r/releases/tags/api/v1.2.3", "/repos/{owner}/{repo}/releases/tags/{tag}"},
		{"GET", "/repos/o/r/contents/.github/hotfix.yml", "/repos/{owner}/{repo}/contents/{path}"},
		{"GET", "/repos/o/r/issues/comments/5", "/repos/{owner}/{repo}/issues/comments/{comment_id}"},
		{"GET", "/repos/o/r/issues/5/comments", "/repos/{owner}/{repo}/issues/{issue_number}/comments"},
		{"DELETE", "/repos/o/r/issues/5/labels/bug", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"},
		{"GET", "/rate_limit", "/rate_limit"},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest(tt.method, "http://127.0.0.1:8080"+tt.path, http.NoBody)
			if err != nil {
				t.Fatal(err)
			}
			// A 418 is documented nowhere, so the violation names the route.
			got := c.Check(req, nil, &http.Response{StatusCode: http.StatusTeapot, Header: http.Header{}}, []byte(`{}`))
			var vs Violations
			if !errors.As(got, &vs) || len(vs) == 0 {
				t.Fatalf("Check = %v, want violations naming %s", got, tt.want)
			}
			if diff := cmp.Diff(vs[0].Path, tt.want); diff != "" {
				t.Errorf("template (-got +want):\n%s\n%v", diff, got)
			}
		})
	}
}

func TestCheckRejectsUnknownOperation(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	for _, tt := range []struct{ method, path string }{
		{"GET", "/repos/o/r/git/refs"},
		{"DELETE", "/repos/o/r/issues/1"},
		{"GET", "/orgs/o"},
	} {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			t.Parallel()
			req, err := http.NewRequest(tt.method, "http://127.0.0.1"+tt.path, http.NoBody)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Check(req, nil, nil, nil); !isUnrouted(got) {
				t.Errorf("Check = %v, want one route violation", got)
			}
		})
	}
}
