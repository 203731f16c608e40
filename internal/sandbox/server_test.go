package sandbox

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
	const unservedMsg = "Not Found (the sandbox does not serve %s /repos/acme/shop/%s; its package doc lists the endpoints it serves)"
	tests := []struct{ name, method, path, wantMessage, wantDoc string }{
		{name: "other repository", method: "GET", path: "repos/acme/other", wantMessage: "Not Found",
			wantDoc: "https://docs.github.com/rest/repos/repos#get-a-repository"},
		{name: "other owner", method: "GET", path: "repos/someone/shop/branches", wantMessage: "Not Found",
			wantDoc: "https://docs.github.com/rest/branches/branches#list-branches"},
		{name: "unknown route", method: "GET", path: "repos/acme/shop/no/such/thing",
			wantMessage: fmt.Sprintf(unservedMsg, "GET", "no/such/thing"), wantDoc: "https://docs.github.com/rest"},
		{name: "method not served", method: "DELETE", path: "repos/acme/shop/branches",
			wantMessage: fmt.Sprintf(unservedMsg, "DELETE", "branches"), wantDoc: "https://docs.github.com/rest"},
		{name: "label rename not served", method: "PATCH", path: "repos/acme/shop/labels/bug",
			wantMessage: fmt.Sprintf(unservedMsg, "PATCH", "labels/bug"), wantDoc: "https://docs.github.com/rest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req, err := c.NewRequest(tt.method, tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			var body map[string]any
			resp, err := c.Do(context.Background(), req, nil)
			var er *github.ErrorResponse
			if !errors.As(err, &er) {
				t.Fatalf("%s %s: got error %v, want a GitHub error response", tt.method, tt.path, err)
			}
			if err := json.Unmarshal(rawBody(t, c, tt.method, tt.path), &body); err != nil {
				t.Fatal(err)
			}
			got := []any{resp.StatusCode, er.Message, er.DocumentationURL, body["status"]}
			if diff := cmp.Diff(got, []any{404, tt.wantMessage, tt.wantDoc, "404"}); diff != "" {
				t.Errorf("%s %s (-got +want):\n%s", tt.method, tt.path, diff)
			}
		})
	}
}

// rawBody sends method path with c's credentials and returns the response body as sent.
func rawBody(t *testing.T, c *github.Client, method, path string) []byte {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, c.BaseURL.String()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return readAll(t, c, req)
}

// readAll sends req through c's authenticated HTTP client and returns the response body.
func readAll(t *testing.T, c *github.Client, req *http.Request) []byte {
	t.Helper()
	resp, err := c.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return data
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
