package postmortem

import (
	"context"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

var repo = Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}

func TestOpenOncePerIncident(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	f := incidentFacts()
	s.Server.ResetRequests()
	got, err := Open(ctx, s.Client, repo, f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Created || got.Number == 0 {
		t.Fatalf("Open = %+v, want a new issue", got)
	}
	if n := s.Requests(); n != 3 {
		t.Errorf("Open made %d requests, want 3 (find, create, look for a concurrent copy)", n)
	}
	issue, _, err := s.Client.Issues.Get(ctx, repo.Owner, repo.Name, got.Number)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, l := range issue.Labels {
		labels = append(labels, l.GetName())
	}
	if issue.GetTitle() != Title(f) || len(labels) != 2 || labels[0] != "postmortem" || labels[1] != "severity/P1" {
		t.Errorf("issue %q labels %v", issue.GetTitle(), labels)
	}
	if len(issue.Assignees) != 1 || issue.Assignees[0].GetLogin() != "ada" {
		t.Errorf("assignees = %v, want ada", issue.Assignees)
	}

	again, err := Open(ctx, s.Client, repo, f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Created || again.Number != got.Number {
		t.Errorf("rerun = %+v, want the same issue, not created", again)
	}
	other := f
	other.Incident = 8
	third, err := Open(ctx, s.Client, repo, other, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !third.Created || third.Number == got.Number {
		t.Errorf("another incident's postmortem = %+v, want a new issue", third)
	}
	all, _, err := s.Client.Issues.ListByRepo(ctx, repo.Owner, repo.Name, &github.IssueListByRepoOptions{State: "all"})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Errorf("%d issues, want 2", len(all))
	}
}
