package postmortem

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestSyncRefreshes opens a postmortem with the merge's facts, lets a person write in it, then
// syncs the resolution's facts: one look-up and one PATCH, the person's text kept; a second sync
// with the same facts makes no PATCH.
func TestSyncRefreshes(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	opts := Options{Author: Login("sandbox-bot")}
	opened, err := Sync(ctx, s.Client, repo, atMerge(), opts)
	if err != nil || !opened.Created || opened.Refreshed {
		t.Fatalf("Sync = %+v, %v; want a new issue", opened, err)
	}
	person := strings.Replace(body(t, s, opened.Number), "✍️ _What happened, in two or three sentences._", "The pool ran dry.", 1)
	if _, _, err := s.Client.Issues.Edit(ctx, repo.Owner, repo.Name, opened.Number, &github.IssueRequest{Body: &person}); err != nil {
		t.Fatal(err)
	}

	s.Server.ResetRequests()
	got, err := Sync(ctx, s.Client, repo, incidentFacts(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if got.Created || !got.Refreshed || got.Number != opened.Number || len(got.Kept) != 0 {
		t.Errorf("Sync = %+v, want the same issue refreshed", got)
	}
	if n, edits := s.Requests(), s.Server.Requests()["PATCH /repos/{owner}/{repo}/issues/{number}"]; n != 2 || edits != 1 {
		t.Errorf("Sync made %d requests (%d PATCH), want 2: the look-up and one PATCH: %v", n, edits, s.Server.Requests())
	}
	after := body(t, s, opened.Number)
	for _, want := range []string{"The pool ran dry.", "| 2026-03-04 11:30 UTC | Resolved |", "Duration: 1h 40m: from impact start", "Backport #44 to `release/1.3`"} {
		if !strings.Contains(after, want) {
			t.Errorf("the refreshed postmortem lacks %q:\n%s", want, after)
		}
	}

	s.Server.ResetRequests()
	again, err := Sync(ctx, s.Client, repo, incidentFacts(), opts)
	if err != nil || again.Refreshed || s.Requests() != 1 {
		t.Errorf("a second Sync = %+v, %v after %d requests; want no change in one look-up", again, err, s.Requests())
	}
}

// TestSyncRefusesDamage leaves a postmortem whose region markers a person broke as it is, and says why.
func TestSyncRefusesDamage(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	opened, err := Sync(ctx, s.Client, repo, atMerge(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(body(t, s, opened.Number), RegionEnd("timeline"), "", 1)
	if _, _, err := s.Client.Issues.Edit(ctx, repo.Owner, repo.Name, opened.Number, &github.IssueRequest{Body: &broken}); err != nil {
		t.Fatal(err)
	}
	_, err = Sync(ctx, s.Client, repo, incidentFacts(), Options{})
	if err == nil || !strings.Contains(err.Error(), "refresh postmortem #1: the postmortem's body: the timeline region") {
		t.Errorf("Sync error = %v, want the damaged region named", err)
	}
	if got := body(t, s, opened.Number); got != broken {
		t.Errorf("a refused refresh changed the body:\n%s", got)
	}
}

func body(t *testing.T, s *sandboxtest.Sandbox, number int) string {
	t.Helper()
	is, _, err := s.Client.Issues.Get(context.Background(), repo.Owner, repo.Name, number)
	if err != nil {
		t.Fatal(err)
	}
	return is.GetBody()
}
