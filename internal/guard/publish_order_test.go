package guard

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestPublishLeavesTheCommentToTheNewerRun: a run that judged a head the PR has since moved
// past writes its commit status, but not the PR comment, which the newer head's run writes.
func TestPublishLeavesTheCommentToTheNewerRun(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	old := s.Push("hotfix/x", map[string]string{"a.txt": "one\n"}, "main")
	ctx := context.Background()
	pr, _, err := s.Client.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.NewPullRequest{
		Title: github.String("Fix"), Head: github.String("hotfix/x"), Base: github.String("main")})
	if err != nil {
		t.Fatal(err)
	}
	s.Push("hotfix/x", map[string]string{"a.txt": "two\n"})
	r := Repo{Client: s.Client, Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	o := Outcome{Result: Result{Verdict: Pass}, SHA: old}
	notes, err := Publish(ctx, r, Target{Base: "main", PR: pr}, o, PublishOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || !strings.Contains(notes[1].Text, "PR comment left alone: the head moved from "+old[:12]) {
		t.Errorf("notes %+v, want the status set and the comment left alone", notes)
	}
	comments, _, err := s.Client.Issues.ListComments(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), nil)
	if err != nil || len(comments) != 0 {
		t.Errorf("%d comments (%v), want none from the stale run", len(comments), err)
	}
	statuses, _, err := s.Client.Repositories.ListStatuses(ctx, sandboxtest.Owner, sandboxtest.Name, old, nil)
	if err != nil || len(statuses) != 1 {
		t.Errorf("%d statuses on the judged head (%v), want its one", len(statuses), err)
	}
}
