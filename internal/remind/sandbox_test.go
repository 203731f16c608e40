package remind

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

var repo = postmortem.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}

const identity = "sandbox-bot"

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

type world struct {
	*sandboxtest.Sandbox
	t     *testing.T
	clock *clock
}

func newWorld(t *testing.T, start string) world {
	c := &clock{t: at(start)}
	return world{Sandbox: sandboxtest.Start(t, sandboxtest.Options{Clock: c.Now, Users: []string{"mallory"}}), t: t, clock: c}
}

// issue creates an issue with labels and body; it returns its number.
func (w world) issue(title, body string, labels []string, assignees ...string) int {
	w.t.Helper()
	req := &github.IssueRequest{Title: &title, Body: &body, Labels: &labels}
	if len(assignees) > 0 {
		req.Assignees = &assignees
	}
	is, _, err := w.Client.Issues.Create(context.Background(), repo.Owner, repo.Name, req)
	if err != nil {
		w.t.Fatal(err)
	}
	return is.GetNumber()
}

// log appends an incident log entry at time when.
func (w world) log(number int, when string, e incident.Entry) {
	w.t.Helper()
	w.clock.Set(at(when))
	if _, err := incident.Append(context.Background(), w.Client, incident.Repo(repo), number, e); err != nil {
		w.t.Fatal(err)
	}
}

func (w world) close(number int) {
	w.t.Helper()
	if _, _, err := w.Client.Issues.Edit(context.Background(), repo.Owner, repo.Name, number, &github.IssueRequest{State: github.String("closed")}); err != nil {
		w.t.Fatal(err)
	}
}

// run runs remind at when and returns the reminders it posted, as "kind#issue".
func (w world) run(when string) []string {
	w.t.Helper()
	w.clock.Set(at(when))
	res, err := Run(context.Background(), w.Client, repo, Sources{Identity: identity}, Options{}, at(when))
	if err != nil {
		w.t.Fatal(err)
	}
	var posted []string
	for _, o := range res.Reminders {
		if o.Posted {
			posted = append(posted, string(o.Kind)+"#"+strconv.Itoa(o.Issue))
		}
	}
	return posted
}

func (w world) comments(number int) []string {
	w.t.Helper()
	cs, _, err := w.Client.Issues.ListComments(context.Background(), repo.Owner, repo.Name, number, &github.IssueListCommentsOptions{})
	if err != nil {
		w.t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.GetBody())
	}
	return out
}

func TestRemindUpdateOncePerWindow(t *testing.T) {
	t.Parallel()
	w := newWorld(t, "2026-03-04 10:00")
	n := w.issue("[P1] Checkout fails", "", []string{"incident"})
	w.log(n, "2026-03-04 10:00", incident.Entry{Type: incident.Declared, Severity: "P1", Title: "Checkout fails", Commander: "ada"})
	w.log(n, "2026-03-04 10:15", incident.Entry{Type: incident.Status, State: incident.Investigating, Text: "looking"})
	// A forged reminder from someone else does not silence the real one.
	forged := "<!-- hotfix:remind kind=update window=2026-03-04T11:15:00Z -->"
	if _, _, err := w.As("mallory").Issues.CreateComment(context.Background(), repo.Owner, repo.Name, n, &github.IssueComment{Body: &forged}); err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		when string
		want []string
	}{
		{"2026-03-04 11:14", nil},
		{"2026-03-04 11:20", []string{"update#1"}},
		{"2026-03-04 12:14", nil},
		{"2026-03-04 12:16", []string{"update#1"}},
	}
	for _, s := range steps {
		if got := w.run(s.when); strings.Join(got, ",") != strings.Join(s.want, ",") {
			t.Errorf("remind at %s posted %v, want %v", s.when, got, s.want)
		}
	}
	w.log(n, "2026-03-04 12:30", incident.Entry{Type: incident.Resolved, Text: "fixed"})
	w.close(n)
	if got := w.run("2026-03-05 12:00"); len(got) != 0 {
		t.Errorf("remind after the incident closed posted %v, want no update reminder", got)
	}
}

func TestRemindOverdueItemAfterClockJump(t *testing.T) {
	t.Parallel()
	w := newWorld(t, "2026-03-04 11:31")
	pm, err := postmortem.Open(context.Background(), w.Client, repo, postmortem.Facts{Title: "Checkout fails", Severity: "P1", Incident: 1, Commander: "ada", Opened: w.clock.Now()}, postmortem.Options{})
	if err != nil {
		t.Fatal(err)
	}
	late := w.issue("Add a pool alarm", "Postmortem: #1\nDue: 2026-03-10", []string{"postmortem-action"}, "ada")
	done := w.issue("Write the runbook", "Postmortem: #1", []string{"postmortem-action"})
	w.close(done)
	w.issue("Due later", "Postmortem: #1", []string{"postmortem-action"}) // P1: due 2026-03-18
	w.close(pm.Number)                                                    // the review is done; the items go on

	if got := w.run("2026-03-10 23:59"); len(got) != 0 {
		t.Errorf("remind before the due day ended posted %v", got)
	}
	if got, want := w.run("2026-03-11 09:00"), "action-item#1,action-item#2"; strings.Join(got, ",") != want {
		t.Errorf("remind after the clock jump posted %v, want %s", got, want)
	}
	w.Server.ResetRequests()
	if got := w.run("2026-03-12 09:00"); len(got) != 0 {
		t.Errorf("a second run in the same window posted %v", got)
	}
	for route := range w.Server.Requests() {
		if !strings.HasPrefix(route, "GET ") {
			t.Errorf("a second run in the same window wrote: %s", route)
		}
	}
	if got, want := w.run("2026-03-18 00:00"), "action-item#1,action-item#2"; strings.Join(got, ",") != want {
		t.Errorf("remind in the next window posted %v, want %s", got, want)
	}
	itemComments := w.comments(late)
	if len(itemComments) != 2 || !strings.Contains(itemComments[0], "@ada, please close it") {
		t.Errorf("the late item has comments %q, want two reminders to @ada", itemComments)
	}
	body, _, err := w.Client.Issues.Get(context.Background(), repo.Owner, repo.Name, pm.Number)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body.GetBody(), "| 2026-03-10 | **overdue** |") || !strings.Contains(body.GetBody(), "Due later | — | 2026-03-18 | open |") {
		t.Errorf("the postmortem's table does not show #2 overdue and #4 open:\n%s", body.GetBody())
	}
}
