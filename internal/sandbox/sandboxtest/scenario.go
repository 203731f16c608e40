package sandboxtest

import (
	"context"
	"testing"

	"github.com/google/go-github/v60/github"
)

// MergedHotfix sets up a repository with main at v1.2.3 and develop, then opens and merges a
// hotfix PR with method, and deletes its branch as GitHub does. The PR carries the label severity/P1. It
// returns the merged PR as the event payload carries it.
func MergedHotfix(t testing.TB, s *Sandbox, method, body string) *github.PullRequest {
	t.Helper()
	return MergedHotfixInto(t, s, "main", method, body)
}

// MergedHotfixInto is MergedHotfix with base as the production branch, such as master.
func MergedHotfixInto(t testing.TB, s *Sandbox, base, method, body string) *github.PullRequest {
	t.Helper()
	ctx := context.Background()
	s.Push(base, map[string]string{"svc.txt": "one\ntwo\nthree\n"})
	s.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", base)
	s.Push("develop", map[string]string{"feature.txt": "new\n"}, base)
	s.Push("hotfix/login-timeout", map[string]string{"svc.txt": "one\nTWO fixed\nthree\n"}, base)
	s.Push("hotfix/login-timeout", map[string]string{"svc.txt": "one\nTWO fixed\nthree\nfour\n"})
	title, head := "Fix login timeout", "hotfix/login-timeout"
	pr, _, err := s.Client.PullRequests.Create(ctx, Owner, Name, &github.NewPullRequest{Title: &title, Head: &head, Base: &base, Body: &body})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Client.Issues.AddLabelsToIssue(ctx, Owner, Name, pr.GetNumber(), []string{"severity/P1"}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, _, err = s.Client.PullRequests.Get(ctx, Owner, Name, pr.GetNumber()); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.Client.PullRequests.Merge(ctx, Owner, Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: method}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Client.Git.DeleteRef(ctx, Owner, Name, "heads/"+head); err != nil {
		t.Fatal(err)
	}
	pr, _, err = s.Client.PullRequests.Get(ctx, Owner, Name, pr.GetNumber())
	if err != nil {
		t.Fatal(err)
	}
	return pr
}
