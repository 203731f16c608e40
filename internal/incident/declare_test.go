package incident

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// fixed is a clock that stays at 10:05.
func fixed() time.Time { return at(10, 5) }

func testOptions() Options {
	return Options{Identity: "sandbox-bot", Production: "main", Prefix: "v", Window: 24 * time.Hour, Scale: Severities, Now: fixed}
}

func declaration() Declaration {
	return Declaration{RunID: 77, Title: "Checkout fails for EU users", Severity: "P1", Service: "checkout",
		Impact: "EU users can't pay", Commander: "alice", ImpactStarted: at(9, 40), CreateBranch: true}
}

// history makes main's recent past: v1.2.2 (old), v1.2.3 (before the incident), v1.3.0-rc.1, and a
// merged PR.
func history(t *testing.T, s *sandboxtest.Sandbox) {
	t.Helper()
	ctx := context.Background()
	s.Git("tag", "-a", "-m", "v1.2.2", "v1.2.2", "main")
	s.Push("main", map[string]string{"a.txt": "1\n"})
	s.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	s.Git("tag", "v1.3.0-rc.1", "main")
	s.Push("feature", map[string]string{"b.txt": "2\n"}, "main")
	title, head, base := "Cache the | cart for @acme/web", "feature", "main"
	pr, _, err := s.Client.PullRequests.Create(ctx, repo.Owner, repo.Name, &github.NewPullRequest{Title: &title, Head: &head, Base: &base})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Client.PullRequests.Merge(ctx, repo.Owner, repo.Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "merge"}); err != nil {
		t.Fatal(err)
	}
}

func TestDeclare(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: fixed})
	history(t, s)
	head := s.Git("rev-parse", "main")
	s.Server.ResetRequests()
	got, err := Declare(context.Background(), s.Client, repo, declaration(), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d requests: %v", s.Requests(), s.Server.Requests())
	if n := s.Requests(); n > 16 {
		t.Errorf("declare made %d requests, want at most 16", n)
	}
	if got.Branch != "hotfix/checkout-fails-for-eu-users" || !got.Created || s.Git("rev-parse", got.Branch) != head {
		t.Errorf("declared %+v; want a new issue and the branch at main's head", got)
	}
	is, _, err := s.Client.Issues.Get(context.Background(), repo.Owner, repo.Name, got.Number)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"incident", "severity/P1", "status/investigating"}; is.GetTitle() != "[P1] Checkout fails for EU users" || !slices.Equal(names(is.Labels), want) {
		t.Errorf("issue %q labelled %v, want %q labelled %v", is.GetTitle(), names(is.Labels), "[P1] Checkout fails for EU users", want)
	}
	for _, want := range []string{runMarker(77), "| Declared | 2026-03-04 10:05 UTC |", "| Impact started | 2026-03-04 09:40 UTC |",
		"### Initial Alert", "`v1.2.3`, tagged", "Cache the | cart for @&#8203;acme/web, merged", "- [ ] **Mitigate**", "`hotfix/checkout-fails-for-eu-users`"} {
		if !strings.Contains(is.GetBody(), want) {
			t.Errorf("body lacks %q:\n%s", want, is.GetBody())
		}
	}
	if strings.Contains(is.GetBody(), "rc.1`, tagged") {
		t.Errorf("a pre-release is the last known good tag:\n%s", is.GetBody())
	}
	r := got.Record
	if r.Number != got.Number || r.Severity != "P1" || !r.Open || !r.Declared.Equal(at(10, 5)) || r.Branch != got.Branch {
		t.Errorf("record %+v", r)
	}
}

func TestDeclareRerun(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: fixed})
	first, err := Declare(context.Background(), s.Client, repo, declaration(), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	again, err := Declare(context.Background(), s.Client, repo, declaration(), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if again.Created || again.Number != first.Number || again.Branch != first.Branch || len(again.Record.Entries) != 1 {
		t.Errorf("rerun = %+v with %d entries; want the same issue and branch, one entry", again, len(again.Record.Entries))
	}
	// Another run with the same title gets a new issue; main has moved, so the branch gets -2.
	s.Push("main", map[string]string{"c.txt": "3\n"})
	d := declaration()
	d.RunID = 78
	other, err := Declare(context.Background(), s.Client, repo, d, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if other.Number == first.Number || other.Branch != first.Branch+"-2" {
		t.Errorf("second incident = %+v, want a new issue on %s-2", other, first.Branch)
	}
}

func TestDeclarationCheck(t *testing.T) {
	t.Parallel()
	d := Declaration{Title: "  ", Severity: "P7", Commander: "@acme/sre", ImpactStarted: at(11, 0)}
	_, err := d.Check(Severities, at(10, 5))
	want := `title is empty; give the incident a title
severity "P7" is not one of P0, P1, P2, P3
commander "acme/sre" is not a GitHub login; give one user, such as octocat
impact_started 2026-03-04 11:00 UTC is in the future`
	if err == nil || err.Error() != want {
		t.Errorf("Check error =\n%v\nwant\n%s", err, want)
	}
	ok, err := Declaration{Title: "a\nb  c", Severity: "p2", Commander: "@bob", Impact: strings.Repeat("x", 70000)}.Check(Severities, at(10, 5))
	if err != nil || ok.Title != "a b c" || ok.Severity != "P2" || ok.Commander != "bob" || len(ok.Impact) > MaxText+40 {
		t.Errorf("Check = %+v, %v", fmt.Sprint(ok.Title, ok.Severity, ok.Commander, len(ok.Impact)), err)
	}
}

// TestDeclareWrongIdentity declares with an identity that is not the token's login (as when the
// toolkit guessed github-actions[bot] for an App's token): an error that says so, not a panic or
// an incident without its declared entry.
func TestDeclareWrongIdentity(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: fixed, Tokens: []string{"app:incident-bot=S1"}})
	o := testOptions()
	o.Identity = "github-actions[bot]"
	_, err := Declare(context.Background(), s.WithToken("S1"), repo, declaration(), o)
	if err == nil || !strings.Contains(err.Error(), "written as incident-bot[bot], but the identity is github-actions[bot]; set the identity input") {
		t.Fatalf("declare with the wrong identity: %v; want an error naming both logins and the identity input", err)
	}
	o.Identity = "incident-bot[bot]"
	got, err := Declare(context.Background(), s.WithToken("S1"), repo, declaration(), o)
	if err != nil || got.Created || len(got.Record.Entries) != 1 {
		t.Errorf("declare again with the right identity: %+v, %v; want the same issue with its one declared entry", got, err)
	}
}

// TestDeclareSameRunOtherInputs declares under one run id twice, as act (or a replayed run id)
// does: other inputs make a new incident and a warning that names the first; the same inputs
// find the first again, with a warning once it is closed.
func TestDeclareSameRunOtherInputs(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: fixed})
	ctx := context.Background()
	d := declaration()
	d.CreateBranch = false
	first, err := Declare(ctx, s.Client, repo, d, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	other := d
	other.Title, other.Severity = "Search is slow", "P2"
	second, err := Declare(ctx, s.Client, repo, other, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{fmt.Sprintf("run 77 already declared incident #%d ([P1] Checkout fails for EU users) with other inputs; these inputs ([P2] Search is slow) differ, so this is a new incident, #%d",
		first.Number, second.Number)}
	if !second.Created || second.Number == first.Number || !slices.Equal(second.Warnings, want) {
		t.Errorf("second declaration = %+v; want a new incident with the warning %q", second, want)
	}
	if _, err := Append(ctx, s.Client, repo, first.Number, Entry{Type: Resolved, Text: "rolled back"}); err != nil {
		t.Fatal(err)
	}
	closed := "closed"
	if _, _, err := s.Client.Issues.Edit(ctx, repo.Owner, repo.Name, first.Number, &github.IssueRequest{State: &closed}); err != nil {
		t.Fatal(err)
	}
	again, err := Declare(ctx, s.Client, repo, d, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	want = []string{fmt.Sprintf("this run declared incident #%d before, and it is closed; nothing was declared again (reopen it, or dispatch a new run)", first.Number)}
	if again.Created || again.Number != first.Number || !slices.Equal(again.Warnings, want) || again.Record.Open {
		t.Errorf("rerun = %+v; want resolved incident #%d found again, left closed, with the warning %q", again, first.Number, want)
	}
}
