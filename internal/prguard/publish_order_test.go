package prguard

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
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
	o := Outcome{Result: guard.Result{Verdict: guard.Pass}, SHA: old}
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

// racer runs before each request a client sends, as another run acting at that moment would.
type racer struct {
	before func(*http.Request)
}

func (h racer) RoundTrip(r *http.Request) (*http.Response, error) {
	h.before(r)
	return http.DefaultTransport.RoundTrip(r)
}

// TestPublishSettlesAConcurrentComment: another run writes the guard's comment between this
// run's look and its write; this run's copy then points to the first, which carries its result,
// and only one comment has the marker.
func TestPublishSettlesAConcurrentComment(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	head := s.Push("hotfix/x", map[string]string{"a.txt": "one\n"}, "main")
	ctx := context.Background()
	pr, _, err := s.Client.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.NewPullRequest{
		Title: github.String("Fix"), Head: github.String("hotfix/x"), Base: github.String("main")})
	if err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	c, err := gh.New(ctx, gh.Options{Token: sandboxtest.Token, APIURL: s.URL, Transport: racer{func(r *http.Request) {
		if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/comments") {
			once.Do(func() { // the other run's comment lands first
				if _, _, err := s.Client.Issues.CreateComment(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), &github.IssueComment{Body: github.String(Marker + "\nthe other run")}); err != nil {
					t.Error(err)
				}
			})
		}
	}}})
	if err != nil {
		t.Fatal(err)
	}
	r := Repo{Client: c, Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	o := Outcome{Result: guard.Result{Verdict: guard.Pass}, SHA: head}
	if _, err := Publish(ctx, r, Target{Base: "main", PR: pr}, o, PublishOptions{Author: func(context.Context) (string, error) { return "sandbox-bot", nil }}); err != nil {
		t.Fatal(err)
	}
	comments, _, err := s.Client.Issues.ListComments(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), nil)
	if err != nil || len(comments) != 2 {
		t.Fatalf("%d comments (%v), want the first run's and this run's pointer", len(comments), err)
	}
	if !strings.HasPrefix(comments[0].GetBody(), Marker) || comments[0].GetBody() == Marker+"\nthe other run" {
		t.Errorf("the first comment = %q, want the guard's marker and this run's result", comments[0].GetBody())
	}
	if strings.Contains(comments[1].GetBody(), Marker) || !strings.Contains(comments[1].GetBody(), "_Superseded:") {
		t.Errorf("this run's copy = %q, want a pointer without the marker", comments[1].GetBody())
	}
}
