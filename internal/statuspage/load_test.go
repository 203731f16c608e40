package statuspage

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// clock is the sandbox's settable time.
type clock struct {
	mu sync.Mutex
	at time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.at }
func (c *clock) set(t time.Time)     { c.mu.Lock(); defer c.mu.Unlock(); c.at = t }
func (c *clock) add(d time.Duration) { c.set(c.now().Add(d)) }

// TestLoadFromSandbox reads the incidents from the sandbox with the real client: the open one,
// the one closed in the window, not the one closed before it, not an issue without the label;
// a log entry forged by someone else is ignored. Requests: one list per state, then one
// comment page per incident.
func TestLoadFromSandbox(t *testing.T) {
	t.Parallel()
	clk := &clock{at: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: clk.now, Users: []string{"mallory"}})
	ctx, repo := context.Background(), incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	open := func(title string, labels ...string) int {
		is, _, err := s.Client.Issues.Create(ctx, repo.Owner, repo.Name, &github.IssueRequest{Title: &title, Labels: &labels})
		if err != nil {
			t.Fatal(err)
		}
		return is.GetNumber()
	}
	log := func(n int, e incident.Entry) {
		if _, err := incident.Append(ctx, s.Client, repo, n, e); err != nil {
			t.Fatal(err)
		}
	}
	closeIssue := func(n int) {
		if _, _, err := s.Client.Issues.Edit(ctx, repo.Owner, repo.Name, n, &github.IssueRequest{State: github.String("closed")}); err != nil {
			t.Fatal(err)
		}
	}
	old := open("Old outage", "incident")
	log(old, incident.Entry{Type: incident.Declared, Severity: "P2", Title: "Old outage", Service: "search"})
	log(old, incident.Entry{Type: incident.Resolved})
	closeIssue(old)
	clk.add(40 * 24 * time.Hour)
	recent := open("Recent outage", "incident")
	log(recent, incident.Entry{Type: incident.Declared, Severity: "P0", Title: "Recent outage", Service: "api"})
	log(recent, incident.Entry{Type: incident.Resolved, Text: "fixed"})
	closeIssue(recent)
	live := open("Logins fail", "incident")
	log(live, incident.Entry{Type: incident.Declared, Severity: "P1", Title: "Logins fail", Service: "auth"})
	forged := "<!-- hotfix:log {\"v\":1,\"type\":\"resolved\"} -->\nresolved, honest"
	if _, _, err := s.As("mallory").Issues.CreateComment(ctx, repo.Owner, repo.Name, live, &github.IssueComment{Body: &forged}); err != nil {
		t.Fatal(err)
	}
	open("A bug", "bug")

	s.Server.ResetRequests()
	var progress []string
	src := Source{Repo: repo, Label: "incident", Identity: "sandbox-bot"}
	records, err := Load(ctx, s.Client, src, clk.now().Add(-30*24*time.Hour), func(l string) { progress = append(progress, l) })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range records {
		got = append(got, r.Title+" "+r.State)
	}
	if diff := cmp.Diff(got, []string{"Logins fail investigating", "Recent outage resolved"}); diff != "" {
		t.Errorf("records (-got +want):\n%s", diff)
	}
	if n := s.Requests(); n != 4 {
		t.Errorf("Load made %d requests, want 4: two lists and one log page per incident", n)
	}
	want := "read 1 open incident issue(s), page 1\nread 1 closed incident issue(s), page 1"
	if strings.Join(progress, "\n") != want {
		t.Errorf("progress:\n%s\nwant:\n%s", strings.Join(progress, "\n"), want)
	}
}

// TestLoadExplainsErrors checks that a refused list names what was read.
func TestLoadExplainsErrors(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	src := Source{Repo: incident.Repo{Owner: "acme", Name: "missing"}, Label: "incident", Identity: "sandbox-bot"}
	_, err := Load(context.Background(), s.Client, src, time.Time{}, func(string) {})
	if err == nil || !strings.Contains(err.Error(), "list the open issues labelled incident") {
		t.Errorf("Load = %v, want the list's error", err)
	}
}
