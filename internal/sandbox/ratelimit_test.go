package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// limitedSandbox is a sandbox whose tokens have limit requests an hour, on a clock the test moves.
func limitedSandbox(t *testing.T, limit int) (*Server, *fakeClock, string) {
	t.Helper()
	clock := &fakeClock{now: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	dir := filepath.Join(t.TempDir(), "shop.git")
	srv, err := New(Options{Dir: dir, Owner: "acme", Name: "shop", Token: testToken, Users: map[string]string{"other-token": "other"},
		Clock: clock.Now, RateLimit: limit})
	if err != nil {
		t.Fatal(err)
	}
	pushBranchFrom(t, dir, "main", "", map[string]string{"README.md": "# shop\n"})
	return srv, clock, dir
}

// rawGet sends GET path with token and returns the status, headers and GitHub error body.
func rawGet(t *testing.T, c *github.Client, path string) (int, http.Header, *github.ErrorResponse) {
	t.Helper()
	req, err := c.NewRequest(http.MethodGet, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(context.Background(), req, nil)
	var er *github.ErrorResponse
	errors.As(err, &er)
	var rle *github.RateLimitError
	if errors.As(err, &rle) {
		er = &github.ErrorResponse{Response: rle.Response, Message: rle.Message, DocumentationURL: ""}
	}
	return resp.StatusCode, resp.Header, er
}

// TestPrimaryRateLimitRefuses spends a budget of 20: the 21st request is GitHub's 403 with
// remaining 0 and the reset; another token's budget is its own; after the reset, requests go again.
func TestPrimaryRateLimitRefuses(t *testing.T) {
	t.Parallel()
	srv, clock, _ := limitedSandbox(t, 20)
	c := testClient(t, srv, testToken)
	start := clock.Now()
	for i := range 20 {
		clock.Add(time.Second)
		status, h, _ := rawGet(t, c, "repos/acme/shop")
		if status != 200 || h.Get("X-Ratelimit-Remaining") != strconv.Itoa(19-i) {
			t.Fatalf("request %d: %d, remaining %s; want 200, %d", i+1, status, h.Get("X-Ratelimit-Remaining"), 19-i)
		}
	}
	status, h, er := rawGet(t, c, "repos/acme/shop")
	reset := start.Add(time.Second + time.Hour).Unix()
	got := []any{status, h.Get("X-Ratelimit-Limit"), h.Get("X-Ratelimit-Remaining"), h.Get("X-Ratelimit-Used"), h.Get("X-Ratelimit-Reset"), h.Get("X-Ratelimit-Resource"), er.Message}
	want := []any{403, "20", "0", "20", strconv.FormatInt(reset, 10), "core", fmt.Sprintf("API rate limit exceeded for user ID %d.", userID("sandbox-bot"))}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("the 21st request (-got +want):\n%s", diff)
	}
	other := testClient(t, srv, "other-token")
	if status, h, _ := rawGet(t, other, "repos/acme/shop"); status != 200 || h.Get("X-Ratelimit-Remaining") != "19" {
		t.Errorf("another token's first request: %d, remaining %s; want 200, 19", status, h.Get("X-Ratelimit-Remaining"))
	}
	if status, h, _ := rawGet(t, c, "rate_limit"); status != 200 || h.Get("X-Ratelimit-Remaining") != "0" {
		t.Errorf("GET /rate_limit when spent: %d, remaining %s; want 200 (never refused, never counted), 0", status, h.Get("X-Ratelimit-Remaining"))
	}
	clock.Add(time.Hour)
	if status, h, _ := rawGet(t, c, "repos/acme/shop"); status != 200 || h.Get("X-Ratelimit-Remaining") != "19" {
		t.Errorf("after the reset: %d, remaining %s; want 200, 19", status, h.Get("X-Ratelimit-Remaining"))
	}
}

// TestNotModifiedIsNotCounted repeats a GET with its ETag: 304, and the budget left as it was.
func TestNotModifiedIsNotCounted(t *testing.T) {
	t.Parallel()
	srv, _, _ := limitedSandbox(t, 0)
	c := testClient(t, srv, testToken)
	_, first, _ := rawGet(t, c, "repos/acme/shop")
	req, err := c.NewRequest(http.MethodGet, "repos/acme/shop", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("If-None-Match", first.Get("ETag"))
	resp, err := c.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	got := []any{resp.StatusCode, resp.Header.Get("X-Ratelimit-Remaining"), first.Get("X-Ratelimit-Remaining")}
	if diff := cmp.Diff(got, []any{304, "4999", "4999"}); diff != "" {
		t.Errorf("conditional GET: status, remaining after, remaining before (-got +want):\n%s", diff)
	}
}

// TestSecondaryRateLimit creates 80 labels in a minute: the 81st is GitHub's 403 with
// retry-after, reads still go, and the write goes once retry-after has passed.
func TestSecondaryRateLimit(t *testing.T) {
	t.Parallel()
	srv, clock, _ := limitedSandbox(t, 0)
	c := testClient(t, srv, testToken)
	ctx := context.Background()
	create := func(i int) (*github.Response, error) {
		_, resp, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Name: github.String(fmt.Sprintf("l%d", i)), Color: github.String("ededed")})
		return resp, err
	}
	for i := range 80 {
		clock.Add(500 * time.Millisecond)
		if _, err := create(i); err != nil {
			t.Fatalf("label %d: %v", i, err)
		}
	}
	resp, err := create(80)
	var abuse *github.AbuseRateLimitError
	if !errors.As(err, &abuse) || resp.StatusCode != 403 || resp.Header.Get("Retry-After") != "21" {
		t.Fatalf("the 81st write in a minute: %v, status %d, retry-after %q; want a secondary limit, 403, 21", err, resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	c = testClient(t, srv, testToken) // go-github refuses locally until retry-after, on the real clock
	if _, _, err := c.Issues.ListLabels(ctx, "acme", "shop", nil); err != nil {
		t.Errorf("a read under the secondary limit: %v", err)
	}
	clock.Add(21 * time.Second)
	if _, err := create(80); err != nil {
		t.Errorf("the write after retry-after: %v", err)
	}
}
