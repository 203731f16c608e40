package incident

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

var repo = Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}

// stepClock is a server clock that moves a minute on every reading, from 10:00; it is safe
// for the sandbox's concurrent requests.
func stepClock() func() time.Time {
	var n atomic.Int64
	return func() time.Time { return at(10, 0).Add(time.Duration(n.Add(1)) * time.Minute) }
}

func newIssue(t *testing.T, c *github.Client) int {
	t.Helper()
	title := "[P1] Checkout fails"
	is, _, err := c.Issues.Create(context.Background(), repo.Owner, repo.Name, &github.IssueRequest{Title: &title, Labels: &[]string{"incident"}})
	if err != nil {
		t.Fatal(err)
	}
	return is.GetNumber()
}

func appendAll(t *testing.T, c *github.Client, number int, entries ...Entry) {
	t.Helper()
	for _, e := range entries {
		if _, err := Append(context.Background(), c, repo, number, e); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAppendLoad(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: stepClock()})
	n := newIssue(t, s.Client)
	appendAll(t, s.Client, n, declared(time.Time{}, 0), Entry{Type: Status, State: Identified, Text: "config", Source: 5})
	for i := range 105 { // more than one page of comments
		appendAll(t, s.Client, n, Entry{Type: Timeline, Text: fmt.Sprint("note ", i)})
	}
	appendAll(t, s.Client, n, Entry{Type: Resolved, Text: "fixed"})
	if _, _, err := s.Client.Issues.CreateComment(context.Background(), repo.Owner, repo.Name, n, &github.IssueComment{Body: github.String("looks fixed to me")}); err != nil {
		t.Fatal(err)
	}
	s.Server.ResetRequests()
	r, err := Load(context.Background(), s.Client, repo, n, "sandbox-bot")
	if err != nil {
		t.Fatal(err)
	}
	got := []any{r.Number, r.Title, r.State, r.Open, len(r.Entries), r.Has(5), s.Requests()}
	want := []any{n, "Checkout fails", "resolved", false, 108, true, 2}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("number, title, state, open, entries, has source 5, requests = %v, want %v", got, want)
	}
	// The server's clock moves a minute per reading: the times are the comments' created_at.
	if !r.Declared.After(at(10, 0)) || !r.Acknowledged.After(r.Declared) || !r.Resolved.After(r.Acknowledged) {
		t.Errorf("declared %v, acknowledged %v, resolved %v: want server times in order", r.Declared, r.Acknowledged, r.Resolved)
	}
}

// TestLoadIgnoresForgery posts a log comment as another user, with a sandbox that shares the
// repository and state but authenticates as mallory; Load ignores it.
func TestLoadIgnoresForgery(t *testing.T) {
	t.Parallel()
	dir, state := filepath.Join(t.TempDir(), "shop.git"), filepath.Join(t.TempDir(), "state.json")
	bot := serve(t, dir, state, "sandbox-bot")
	n := newIssue(t, bot)
	appendAll(t, bot, n, declared(time.Time{}, 0))
	mallory := serve(t, dir, state, "mallory")
	forged, err := Body(Entry{Type: Resolved, Text: "nothing to see"})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := mallory.Issues.CreateComment(context.Background(), repo.Owner, repo.Name, n, &github.IssueComment{Body: &forged}); err != nil {
		t.Fatal(err)
	}
	r, err := Load(context.Background(), serve(t, dir, state, "sandbox-bot"), repo, n, "sandbox-bot")
	if err != nil {
		t.Fatal(err)
	}
	if !r.Open || r.State != Investigating || len(r.Entries) != 1 {
		t.Errorf("after a forged resolution: open %v, state %s, %d entries; want open, investigating, 1 entry", r.Open, r.State, len(r.Entries))
	}
	as, err := Load(context.Background(), mallory, repo, n, "mallory")
	if err != nil || as.Resolved.IsZero() {
		t.Errorf("the forged entry should count for its own author (a check that the test forges a valid entry): %+v, %v", as, err)
	}
}

// serve starts a sandbox over dir and state that authenticates as user, and returns its client.
func serve(t *testing.T, dir, state, user string) *github.Client {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{Dir: dir, StateFile: state, Owner: repo.Owner, Name: repo.Name, Token: sandboxtest.Token, User: user})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	c, err := gh.New(context.Background(), gh.Options{Token: sandboxtest.Token, APIURL: hs.URL + "/"})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLink(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	n := newIssue(t, s.Client)
	appendAll(t, s.Client, n, declared(time.Time{}, 0))
	links := []Entry{{Kind: "pr", Number: 9, URL: "u9"}, {Kind: "pr", Number: 9, URL: "u9"}, {Kind: "tag", Name: "v1.2.4"}, {Kind: "tag", Name: "v1.2.4"}}
	var wrote []bool
	for _, e := range links {
		ok, err := Link(context.Background(), s.Client, repo, n, "sandbox-bot", e)
		if err != nil {
			t.Fatal(err)
		}
		wrote = append(wrote, ok)
	}
	if fmt.Sprint(wrote) != "[true false true false]" {
		t.Errorf("Link wrote %v, want [true false true false]", wrote)
	}
	r, err := Load(context.Background(), s.Client, repo, n, "sandbox-bot")
	if err != nil || len(r.Links) != 2 || len(r.Entries) != 3 {
		t.Errorf("links %+v, %d entries, err %v; want 2 links and 3 entries", r.Links, len(r.Entries), err)
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	a, b := newIssue(t, s.Client), newIssue(t, s.Client)
	appendAll(t, s.Client, a, declared(time.Time{}, 0))
	appendAll(t, s.Client, b, declared(time.Time{}, 0), Entry{Type: Resolved})
	other := "not an incident"
	if _, _, err := s.Client.Issues.Create(context.Background(), repo.Owner, repo.Name, &github.IssueRequest{Title: &other}); err != nil {
		t.Fatal(err)
	}
	got, err := FindLabeled(context.Background(), s.Client, repo, "incident", "sandbox-bot", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	open := map[int]bool{}
	for _, r := range got {
		open[r.Number] = r.Open
	}
	if want := map[int]bool{a: true, b: false}; fmt.Sprint(open) != fmt.Sprint(want) {
		t.Errorf("Find: open by number = %v, want %v", open, want)
	}
}
