package sandbox

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// comment posts body on issue n or fails the test.
func comment(t *testing.T, c *github.Client, n int, body string) *github.IssueComment {
	t.Helper()
	cm, _, err := c.Issues.CreateComment(context.Background(), "acme", "shop", n, &github.IssueComment{Body: github.String(body)})
	if err != nil {
		t.Fatalf("comment on #%d: %v", n, err)
	}
	return cm
}

func TestCommentLifecycle(t *testing.T) {
	t.Parallel()
	_, c, _, clock := newClockedSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("Outage")})
	clock.advance(time.Minute)
	first := comment(t, c, 1, "/status investigating")
	clock.advance(time.Minute)
	edited, _, err := c.Issues.EditComment(ctx, "acme", "shop", first.GetID(), &github.IssueComment{Body: github.String("/status identified")})
	if err != nil {
		t.Fatalf("edit comment: %v", err)
	}
	got, _, err := c.Issues.GetComment(ctx, "acme", "shop", first.GetID())
	if err != nil {
		t.Fatalf("get comment: %v", err)
	}
	issue, _, err := c.Issues.Get(ctx, "acme", "shop", 1)
	if err != nil {
		t.Fatalf("get issue: %v", err)
	}
	start := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	gotFields := []any{first.GetBody(), first.GetUser().GetLogin(), first.GetCreatedAt().Time, first.GetAuthorAssociation(),
		strings.HasSuffix(first.GetIssueURL(), "/repos/acme/shop/issues/1"),
		edited.GetBody(), edited.GetCreatedAt().Time, edited.GetUpdatedAt().Time,
		got.GetBody(), got.GetID(), issue.GetComments(), issue.GetUpdatedAt().Time}
	want := []any{"/status investigating", "sandbox-bot", start.Add(time.Minute), "COLLABORATOR", true,
		"/status identified", start.Add(time.Minute), start.Add(2 * time.Minute),
		"/status identified", first.GetID(), 1, start.Add(time.Minute)}
	if diff := cmp.Diff(gotFields, want); diff != "" {
		t.Errorf("comment through create, edit, get (-got +want):\n%s", diff)
	}
}

func TestListComments(t *testing.T) {
	t.Parallel()
	_, c, _, clock := newClockedSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("one")})
	createIssue(t, c, &github.IssueRequest{Title: github.String("two")})
	since := clock.now().Add(2 * time.Minute)
	for i, n := range []int{1, 2, 1, 1, 1} {
		clock.advance(time.Minute)
		comment(t, c, n, "c"+string(rune('0'+i)))
	}
	tests := []struct {
		name   string
		number int
		opts   github.IssueListCommentsOptions
		want   []string
	}{
		{"one issue, oldest first", 1, github.IssueListCommentsOptions{}, []string{"c0", "c2", "c3", "c4"}},
		{"since", 1, github.IssueListCommentsOptions{Since: &since}, []string{"c2", "c3", "c4"}},
		{"a page", 1, github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 3, Page: 2}}, []string{"c4"}},
		{"the whole repository", 0, github.IssueListCommentsOptions{}, []string{"c0", "c1", "c2", "c3", "c4"}},
		{"the whole repository, newest first", 0, github.IssueListCommentsOptions{Direction: github.String("desc")}, []string{"c4", "c3", "c2", "c1", "c0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			list, _, err := c.Issues.ListComments(ctx, "acme", "shop", tt.number, &tt.opts)
			if err != nil {
				t.Fatalf("list comments: %v", err)
			}
			got := []string{}
			for _, cm := range list {
				got = append(got, cm.GetBody())
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("comment bodies (-got +want):\n%s", diff)
			}
		})
	}
}

func TestCommentErrors(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("Outage")})
	long := strings.Repeat("x", maxBody+1)
	create := func(n int, body *string) func() error {
		return func() error {
			_, _, err := c.Issues.CreateComment(ctx, "acme", "shop", n, &github.IssueComment{Body: body})
			return err
		}
	}
	notFound := apiFailure{Status: 404, Message: "Not Found"}
	tests := []struct {
		name string
		call func() error
		want apiFailure
	}{
		{"on an unknown issue", create(7, github.String("hi")), notFound},
		{"without a body", create(1, nil), validation(github.Error{Resource: "IssueComment", Field: "body", Code: "missing_field"})},
		{"with a body too long", create(1, &long), validation(github.Error{Resource: "IssueComment", Field: "body", Code: "custom",
			Message: "body is too long (maximum is 65536 characters)"})},
		{"get unknown", func() error { _, _, err := c.Issues.GetComment(ctx, "acme", "shop", 12345); return err }, notFound},
		{"edit unknown", func() error {
			_, _, err := c.Issues.EditComment(ctx, "acme", "shop", 12345, &github.IssueComment{Body: github.String("x")})
			return err
		}, notFound},
		{"list on an unknown issue", func() error { _, _, err := c.Issues.ListComments(ctx, "acme", "shop", 7, nil); return err }, notFound},
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
