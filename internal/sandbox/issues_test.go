package sandbox

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// apiFailure is what a test checks of a failed call: the status, message and field errors.
type apiFailure struct {
	Status  int
	Message string
	Errors  []github.Error
}

// failure summarises err; a nil error gives the zero apiFailure, any other error its text.
func failure(err error) apiFailure {
	var er *github.ErrorResponse
	switch {
	case err == nil:
		return apiFailure{}
	case errors.As(err, &er):
		return apiFailure{Status: er.Response.StatusCode, Message: er.Message, Errors: er.Errors}
	}
	return apiFailure{Message: err.Error()}
}

// validation is the 422 "Validation Failed" failure with errs.
func validation(errs ...github.Error) apiFailure {
	return apiFailure{Status: 422, Message: "Validation Failed", Errors: errs}
}

// stepClock is a settable clock for server-side timestamps.
type stepClock struct {
	mu sync.Mutex
	t  time.Time
}

// now returns the clock's time.
func (c *stepClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// advance moves the clock forward by d.
func (c *stepClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// newClockedSandbox is newTestSandbox with a clock the test moves, starting at 2024-03-01 10:00 UTC.
func newClockedSandbox(t *testing.T) (*Server, *github.Client, string, *stepClock) {
	t.Helper()
	srv, c, dir := newTestSandbox(t)
	clock := &stepClock{t: time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)}
	srv.mu.Lock()
	srv.opts.Clock = clock.now
	srv.mu.Unlock()
	return srv, c, dir, clock
}

// createIssue creates an issue or fails the test.
func createIssue(t *testing.T, c *github.Client, req *github.IssueRequest) *github.Issue {
	t.Helper()
	is, _, err := c.Issues.Create(context.Background(), "acme", "shop", req)
	if err != nil {
		t.Fatalf("create issue %q: %v", req.GetTitle(), err)
	}
	return is
}

func TestIssueLifecycle(t *testing.T) {
	t.Parallel()
	_, c, _, clock := newClockedSandbox(t)
	ctx := context.Background()
	created := createIssue(t, c, &github.IssueRequest{Title: github.String("Outage"), Body: github.String("db down"),
		Labels: &[]string{"incident", "severity/P1"}, Assignees: &[]string{"alice"}})
	clock.advance(time.Hour)
	closed, _, err := c.Issues.Edit(ctx, "acme", "shop", created.GetNumber(), &github.IssueRequest{
		State: github.String("closed"), Title: github.String("Outage resolved")})
	if err != nil {
		t.Fatalf("close issue: %v", err)
	}
	clock.advance(time.Hour)
	reopened, _, err := c.Issues.Edit(ctx, "acme", "shop", created.GetNumber(), &github.IssueRequest{State: github.String("open")})
	if err != nil {
		t.Fatalf("reopen issue: %v", err)
	}
	got, _, err := c.Issues.Get(ctx, "acme", "shop", created.GetNumber())
	if err != nil {
		t.Fatalf("get issue: %v", err)
	}
	start := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	want := []any{1, "Outage", "db down", "open", []string{"incident", "severity/P1"}, "alice", "sandbox-bot", start, false,
		"closed", "Outage resolved", "completed", start.Add(time.Hour), "sandbox-bot",
		"open", "reopened", true, start.Add(2 * time.Hour), "Outage resolved", true}
	gotFields := []any{created.GetNumber(), created.GetTitle(), created.GetBody(), created.GetState(), labelNamesOf(created.Labels),
		created.GetAssignee().GetLogin(), created.GetUser().GetLogin(), created.GetCreatedAt().Time, created.IsPullRequest(),
		closed.GetState(), closed.GetTitle(), closed.GetStateReason(), closed.GetClosedAt().Time, closed.GetClosedBy().GetLogin(),
		reopened.GetState(), reopened.GetStateReason(), reopened.ClosedAt == nil, got.GetUpdatedAt().Time, got.GetTitle(),
		strings.HasSuffix(got.GetURL(), "/repos/acme/shop/issues/1")}
	if diff := cmp.Diff(gotFields, want); diff != "" {
		t.Errorf("issue through create, close, reopen (-got +want):\n%s", diff)
	}
	if _, _, err := c.Issues.GetLabel(ctx, "acme", "shop", "severity/P1"); err != nil {
		t.Errorf("label named on the issue was not created: %v", err)
	}
}

// labelNamesOf lists the names of labels.
func labelNamesOf(labels []*github.Label) []string {
	out := []string{}
	for _, l := range labels {
		out = append(out, l.GetName())
	}
	return out
}

func TestIssueErrors(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("exists")})
	long := strings.Repeat("é", maxBody+1)
	tests := []struct {
		name string
		call func() error
		want apiFailure
	}{
		{"create without title", func() error {
			_, _, err := c.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Body: github.String("x")})
			return err
		}, validation(github.Error{Resource: "Issue", Field: "title", Code: "missing_field"})},
		{"create with a body too long", func() error {
			_, _, err := c.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Title: github.String("t"), Body: &long})
			return err
		}, validation(github.Error{Resource: "Issue", Field: "body", Code: "custom", Message: "body is too long (maximum is 65536 characters)"})},
		{"body at the limit", func() error {
			body := strings.Repeat("é", maxBody)
			_, _, err := c.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Title: github.String("t"), Body: &body})
			return err
		}, apiFailure{}},
		{"get unknown", func() error { _, _, err := c.Issues.Get(ctx, "acme", "shop", 99); return err },
			apiFailure{Status: 404, Message: "Not Found"}},
		{"get in another repository", func() error { _, _, err := c.Issues.Get(ctx, "acme", "other", 1); return err },
			apiFailure{Status: 404, Message: "Not Found"}},
		{"update unknown", func() error {
			_, _, err := c.Issues.Edit(ctx, "acme", "shop", 99, &github.IssueRequest{Title: github.String("x")})
			return err
		}, apiFailure{Status: 404, Message: "Not Found"}},
		{"update to an unknown state", func() error {
			_, _, err := c.Issues.Edit(ctx, "acme", "shop", 1, &github.IssueRequest{State: github.String("gone")})
			return err
		}, validation(github.Error{Resource: "Issue", Field: "state", Code: "invalid"})},
		{"update to an empty title", func() error {
			_, _, err := c.Issues.Edit(ctx, "acme", "shop", 1, &github.IssueRequest{Title: github.String("")})
			return err
		}, validation(github.Error{Resource: "Issue", Field: "title", Code: "missing_field"})},
		{"list with an unknown state", func() error {
			_, _, err := c.Issues.ListByRepo(ctx, "acme", "shop", &github.IssueListByRepoOptions{State: "done"})
			return err
		}, validation(github.Error{Resource: "Issue", Field: "state", Code: "invalid"})},
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
