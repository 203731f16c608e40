package actionitem

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

var repo = postmortem.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}

// clock is a settable clock for the sandbox's server timestamps.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// world is a sandbox with a P1 postmortem opened on 2026-03-04.
type world struct {
	*sandboxtest.Sandbox
	clock *clock
	pm    int
}

func newWorld(t *testing.T) world {
	t.Helper()
	c := &clock{t: time.Date(2026, 3, 4, 11, 31, 0, 0, time.UTC)}
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: c.Now, Users: []string{"mallory"}})
	f := postmortem.Facts{Title: "Checkout fails", Severity: "P1", Incident: 7, Commander: "ada", Opened: c.Now()}
	pm, err := postmortem.Open(context.Background(), s.Client, repo, f, postmortem.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return world{Sandbox: s, clock: c, pm: pm.Number}
}

// item creates an issue with the action-item label and body.
func (w world) item(t *testing.T, title, body string, assignees ...string) int {
	t.Helper()
	labels := []string{"postmortem-action"}
	req := &github.IssueRequest{Title: &title, Body: &body, Labels: &labels}
	if len(assignees) > 0 {
		req.Assignees = &assignees
	}
	is, _, err := w.Client.Issues.Create(context.Background(), repo.Owner, repo.Name, req)
	if err != nil {
		t.Fatal(err)
	}
	return is.GetNumber()
}

func (w world) close(t *testing.T, n int) {
	t.Helper()
	if _, _, err := w.Client.Issues.Edit(context.Background(), repo.Owner, repo.Name, n, &github.IssueRequest{State: github.String("closed")}); err != nil {
		t.Fatal(err)
	}
}

func (w world) body(t *testing.T, n int) string {
	t.Helper()
	is, _, err := w.Client.Issues.Get(context.Background(), repo.Owner, repo.Name, n)
	if err != nil {
		t.Fatal(err)
	}
	return is.GetBody()
}

// table is the part of a body between the markers, markers included.
func table(t *testing.T, body string) string {
	t.Helper()
	start, end, err := region(body)
	if err != nil {
		t.Fatal(err)
	}
	return sandboxURL.ReplaceAllString(body[start:end], "https://github.com/") + "\n"
}

// sandboxURL is the sandbox's address, which changes from run to run.
var sandboxURL = regexp.MustCompile(`http://127\.0\.0\.1:[0-9]+/`)

func writes(w world) int {
	n := 0
	for route, c := range w.Server.Requests() {
		if !strings.HasPrefix(route, "GET ") {
			n += c
		}
	}
	return n
}

func TestSyncTwoItemsOneClosed(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	a := w.item(t, "Add a pool alarm", "Postmortem: #1\nDue: 2026-03-10", "ada")
	b := w.item(t, "Write the | failover runbook", "Postmortem: #1")
	w.item(t, "Another postmortem's item", "Postmortem: #99")
	w.close(t, b)
	before := w.body(t, w.pm)

	w.Server.ResetRequests()
	got, err := Sync(ctx, w.Client, repo, Options{}, time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC), w.pm)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Changed || got.Items != 2 || got.Overdue != 1 || got.AllClosed || w.Requests() != 3 {
		t.Errorf("Sync = %+v after %d requests; want 2 items, 1 overdue, changed, in 3 requests", got, w.Requests())
	}
	after := w.body(t, w.pm)
	golden.Check(t, "sync.md.golden", table(t, after))
	start, end, _ := region(before)
	if !strings.HasPrefix(after, before[:start]) || !strings.HasSuffix(after, before[end:]) {
		t.Error("Sync changed the body outside the table")
	}

	w.Server.ResetRequests()
	again, err := Sync(ctx, w.Client, repo, Options{}, time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC), w.pm)
	if err != nil || again.Changed || writes(w) != 0 || w.Requests() != 2 {
		t.Errorf("second Sync = %+v, %v after %d requests (%d writes); want no change, 2 reads", again, err, w.Requests(), writes(w))
	}

	w.close(t, a)
	done, err := Sync(ctx, w.Client, repo, Options{}, time.Date(2026, 3, 12, 0, 0, 0, 0, time.UTC), w.pm)
	if err != nil || !done.AllClosed || !done.Changed {
		t.Errorf("Sync after closing both = %+v, %v; want all closed", done, err)
	}
	golden.Check(t, "sync-done.md.golden", table(t, w.body(t, w.pm)))
}

func TestSyncRefusesBrokenMarkers(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	broken := strings.Replace(w.body(t, w.pm), postmortem.ItemsEnd, "", 1)
	if _, _, err := w.Client.Issues.Edit(ctx, repo.Owner, repo.Name, w.pm, &github.IssueRequest{Body: &broken}); err != nil {
		t.Fatal(err)
	}
	w.item(t, "Add a pool alarm", "Postmortem: #1")
	w.Server.ResetRequests()
	_, err := Sync(ctx, w.Client, repo, Options{}, w.clock.Now(), w.pm)
	if err == nil || !strings.Contains(err.Error(), "postmortem #1") || !strings.Contains(err.Error(), "no "+postmortem.ItemsEnd) {
		t.Errorf("Sync error = %v, want one naming the missing end marker", err)
	}
	if writes(w) != 0 || w.body(t, w.pm) != broken {
		t.Error("Sync wrote to a postmortem whose markers are broken")
	}
}

func TestCreateActionItems(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	ctx := context.Background()
	typed := "| Action | Owner | Due | Status |\n|---|---|---|---|\n" +
		"| Add a pool alarm | @ada | 2026-03-20 | |\n| Rehearse the failover \\| twice | not a login! | soon | |\n"
	body := strings.Replace(w.body(t, w.pm), "| Action | Owner | Due | Status |\n|---|---|---|---|\n| _none yet_ | | | |\n", typed, 1)
	if _, _, err := w.Client.Issues.Edit(ctx, repo.Owner, repo.Name, w.pm, &github.IssueRequest{Body: &body}); err != nil {
		t.Fatal(err)
	}
	existing := w.item(t, "Already an issue", "Postmortem: #1", "bob")

	got, err := Create(ctx, w.Client, repo, Options{}, w.clock.Now(), w.pm)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Created) != 2 || got.Items != 3 || got.Pending != 0 || !got.Changed {
		t.Errorf("Create = %+v, want 2 created, 3 items, none pending", got)
	}
	golden.Check(t, "create.md.golden", table(t, w.body(t, w.pm)))
	first, _, err := w.Client.Issues.Get(ctx, repo.Owner, repo.Name, got.Created[0])
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "create-issue.md.golden", first.GetBody())
	if len(first.Assignees) != 1 || first.Assignees[0].GetLogin() != "ada" {
		t.Errorf("the first item's assignees = %v, want ada", first.Assignees)
	}

	// A rerun over the original body (as if the table write was lost) makes no second issue.
	if _, _, err := w.Client.Issues.Edit(ctx, repo.Owner, repo.Name, w.pm, &github.IssueRequest{Body: &body}); err != nil {
		t.Fatal(err)
	}
	again, err := Create(ctx, w.Client, repo, Options{}, w.clock.Now(), w.pm)
	if err != nil || len(again.Created) != 0 || again.Items != 3 {
		t.Errorf("rerun = %+v, %v; want nothing created", again, err)
	}
	all, err := List(ctx, w.Client, repo, "postmortem-action", "all")
	if err != nil || len(all) != 3 {
		t.Errorf("%d action items (%v), want 3 (%d made by hand)", len(all), err, existing)
	}
}
