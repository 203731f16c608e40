package postmortem

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestFreshOpenSettlesOnTheLowest opens one postmortem twice without looking first, as two
// runs of one merge at once do when both find none: the second run's copy is closed, and it
// reports the first one's issue as found, not created.
func TestFreshOpenSettlesOnTheLowest(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	f := incidentFacts()
	first, err := Open(ctx, s.Client, repo, f, Options{Fresh: true})
	if err != nil || !first.Created {
		t.Fatalf("first Open = %+v, %v; want a new issue", first, err)
	}
	s.Server.ResetRequests()
	second, err := Open(ctx, s.Client, repo, f, Options{Fresh: true})
	if err != nil {
		t.Fatal(err)
	}
	if second.Created || second.Number != first.Number {
		t.Errorf("second Open = %+v, want #%d, not created", second, first.Number)
	}
	if n := s.Requests(); n != 3 {
		t.Errorf("second Open made %d requests, want 3 (create, the label's newest page, close the copy)", n)
	}
	copyOf := checkOneOpen(t, s.Client, Marker(f))
	if len(copyOf) != 1 || copyOf[0].GetNumber() == first.Number {
		t.Fatalf("closed copies = %v, want the second run's", copyOf)
	}
	c := copyOf[0]
	if c.GetStateReason() != "not_planned" || len(c.Labels) != 0 || strings.Contains(c.GetBody(), "hotfix:postmortem") {
		t.Errorf("copy: state reason %q, labels %v, body %q; want not planned, no label, no marker", c.GetStateReason(), c.Labels, c.GetBody())
	}
	again, err := Open(ctx, s.Client, repo, f, Options{})
	if err != nil || again.Number != first.Number || again.Created {
		t.Errorf("a later Open = %+v, %v; want #%d found", again, err, first.Number)
	}
}

// TestSettleIgnoresALookAlike: a lower-numbered issue with the marker that someone else wrote
// does not win over the toolkit's own.
func TestSettleIgnoresALookAlike(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Users: []string{"mallory"}})
	s.Server.SetCollaborator("mallory", "write")
	ctx := context.Background()
	f := incidentFacts()
	body, labels := Marker(f)+"\nplanted", []string{"postmortem"}
	if _, _, err := s.As("mallory").Issues.Create(ctx, repo.Owner, repo.Name, &github.IssueRequest{Title: github.String("fake"), Body: &body, Labels: &labels}); err != nil {
		t.Fatal(err)
	}
	got, err := Open(ctx, s.Client, repo, f, Options{Fresh: true, Author: Login("sandbox-bot")})
	if err != nil || !got.Created || got.Number == 1 {
		t.Fatalf("Open = %+v, %v; want the toolkit's own new issue", got, err)
	}
	if copies := checkOneOpen(t, s.Client, Marker(f)); len(copies) != 0 {
		t.Errorf("closed copies = %v, want none", copies)
	}
}

// TestConcurrentOpensLeaveOne opens one incident's postmortem from several runs at the same
// moment: however their finds and creates interleave, one postmortem stays open and every run
// names it.
func TestConcurrentOpensLeaveOne(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	f := incidentFacts()
	const runs = 6
	got := make([]Result, runs)
	errs := make([]error, runs)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range runs {
		wg.Go(func() {
			<-start
			got[i], errs[i] = Open(ctx, s.Client, repo, f, Options{Fresh: i%2 == 0, Author: Login("sandbox-bot")})
		})
	}
	close(start)
	wg.Wait()
	checkOneOpen(t, s.Client, Marker(f))
	created := 0
	for i := range runs {
		if errs[i] != nil {
			t.Fatalf("run %d: %v", i, errs[i])
		}
		if got[i].Number != got[0].Number {
			t.Errorf("run %d names #%d, run 0 #%d", i, got[i].Number, got[0].Number)
		}
		if got[i].Created {
			created++
		}
	}
	if created != 1 {
		t.Errorf("%d runs say they created the postmortem, want 1", created)
	}
}

// checkOneOpen fails unless exactly one open issue by the toolkit carries marker, and returns
// the closed copies.
func checkOneOpen(t *testing.T, c *github.Client, marker string) []*github.Issue {
	t.Helper()
	all, _, err := c.Issues.ListByRepo(context.Background(), repo.Owner, repo.Name, &github.IssueListByRepoOptions{State: "all", ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var open int
	var copies []*github.Issue
	for _, is := range all {
		switch {
		case is.GetUser().GetLogin() != "sandbox-bot":
		case strings.HasPrefix(is.GetBody(), marker) && is.GetState() == "open":
			open++
		case strings.HasPrefix(is.GetBody(), "Closed: a copy of #"):
			copies = append(copies, is)
		}
	}
	if open != 1 {
		t.Errorf("%d open postmortems carry %q, want 1", open, marker)
	}
	return copies
}
