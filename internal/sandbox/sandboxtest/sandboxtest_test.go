package sandboxtest

import (
	"context"
	"testing"

	"github.com/google/go-github/v60/github"
)

func TestStartAndPush(t *testing.T) {
	t.Parallel()
	s := Start(t, Options{})
	sha := s.Push("hotfix/a", map[string]string{"a.txt": "a\n"})
	b, _, err := s.Client.Repositories.GetBranch(context.Background(), Owner, Name, "hotfix/a", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.GetCommit().GetSHA(); got != sha {
		t.Errorf("branch hotfix/a at %s, want %s", got, sha)
	}
	if got := s.Git("rev-parse", "main"); got == sha {
		t.Error("pushing hotfix/a moved main")
	}
	if s.Requests() != 1 {
		t.Errorf("Requests = %d, want 1", s.Requests())
	}
}

func TestAs(t *testing.T) {
	t.Parallel()
	s := Start(t, Options{Users: []string{"mallory"}})
	ctx := context.Background()
	u, _, err := s.As("mallory").Users.Get(ctx, "")
	if err != nil || u.GetLogin() != "mallory" {
		t.Fatalf("GET /user as mallory = %v, %v", u.GetLogin(), err)
	}
	perm, _, err := s.Client.Repositories.GetPermissionLevel(ctx, Owner, Name, "mallory")
	if err != nil || perm.GetPermission() != "none" {
		t.Errorf("mallory's permission = %q, %v; want none", perm.GetPermission(), err)
	}
	is, _, err := s.Client.Issues.Create(ctx, Owner, Name, &github.IssueRequest{Title: github.String("x")})
	if err != nil {
		t.Fatal(err)
	}
	c, _, err := s.As("mallory").Issues.CreateComment(ctx, Owner, Name, is.GetNumber(), &github.IssueComment{Body: github.String("hi")})
	if err != nil || c.GetUser().GetLogin() != "mallory" {
		t.Errorf("mallory's comment is by %q, %v", c.GetUser().GetLogin(), err)
	}
}
