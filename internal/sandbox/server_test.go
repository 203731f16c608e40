package sandbox

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestAuthentication(t *testing.T) {
	t.Parallel()
	srv, _, _ := newTestSandbox(t)
	tests := []struct {
		name, token string
		wantStatus  int
		wantMessage string
	}{
		{name: "no token on a private repository", token: "", wantStatus: http.StatusNotFound, wantMessage: "Not Found"},
		{name: "wrong token", token: "nope", wantStatus: http.StatusUnauthorized, wantMessage: "Bad credentials"},
		{name: "right token", token: testToken, wantStatus: http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := testClient(t, srv, tt.token)
			_, resp, err := c.Repositories.Get(context.Background(), "acme", "shop")
			got := []any{resp.StatusCode, ""}
			if er := (*github.ErrorResponse)(nil); errors.As(err, &er) {
				got[1] = er.Message
			}
			if diff := cmp.Diff(got, []any{tt.wantStatus, tt.wantMessage}); diff != "" {
				t.Errorf("status and message (-got +want):\n%s", diff)
			}
		})
	}
}

func TestUnknownRepositoryAndRoute(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	tests := []struct{ name, path string }{
		{name: "other repository", path: "repos/acme/other"},
		{name: "other owner", path: "repos/someone/shop/branches"},
		{name: "unknown route", path: "repos/acme/shop/no/such/thing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, err := c.NewRequest(http.MethodGet, tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := c.Do(context.Background(), req, nil)
			var er *github.ErrorResponse
			if !errors.As(err, &er) {
				t.Fatalf("GET %s: got error %v, want a GitHub error response", tt.path, err)
			}
			got := []any{resp.StatusCode, er.Message, er.DocumentationURL}
			if diff := cmp.Diff(got, []any{404, "Not Found", "https://docs.github.com/rest"}); diff != "" {
				t.Errorf("GET %s (-got +want):\n%s", tt.path, diff)
			}
		})
	}
}

func TestRateLimitHeaders(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	var used []int
	for range 3 {
		_, resp, err := c.Repositories.Get(ctx, "acme", "shop")
		if err != nil {
			t.Fatalf("get repository: %v", err)
		}
		used = append(used, resp.Rate.Limit-resp.Rate.Remaining)
		if resp.Rate.Limit != 5000 || resp.Rate.Reset.IsZero() || resp.Header.Get("X-Ratelimit-Resource") != "core" {
			t.Errorf("rate = %+v, resource %q; want limit 5000, a reset time and resource core", resp.Rate, resp.Header.Get("X-Ratelimit-Resource"))
		}
		if u, _ := strconv.Atoi(resp.Header.Get("X-Ratelimit-Used")); u != used[len(used)-1] {
			t.Errorf("x-ratelimit-used = %d, want %d", u, used[len(used)-1])
		}
	}
	if diff := cmp.Diff(used, []int{1, 2, 3}); diff != "" {
		t.Errorf("requests used (-got +want):\n%s", diff)
	}
}
