package incident

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// declared opens a P1 incident on a fresh sandbox and returns its number.
func declaredIncident(t *testing.T) (*sandboxtest.Sandbox, int) {
	t.Helper()
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: stepClock()})
	d := declaration()
	d.CreateBranch, d.ImpactStarted = false, at(9, 0)
	got, err := Declare(context.Background(), s.Client, repo, d, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	return s, got.Number
}

// command posts body on the incident as the sandbox's user, and returns the comment as the
// issue_comment payload would carry it, written by author.
func command(t *testing.T, c *github.Client, number int, body, author string) *github.IssueComment {
	t.Helper()
	cm, _, err := c.Issues.CreateComment(context.Background(), repo.Owner, repo.Name, number, &github.IssueComment{Body: &body})
	if err != nil {
		t.Fatal(err)
	}
	cm.User = &github.User{Login: &author}
	return cm
}

func issueState(t *testing.T, c *github.Client, number int) *github.Issue {
	t.Helper()
	is, _, err := c.Issues.Get(context.Background(), repo.Owner, repo.Name, number)
	if err != nil {
		t.Fatal(err)
	}
	return is
}

func TestHandle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body     string
		author   string
		outcome  string
		labels   string // the issue's labels after, joined
		inBody   string // text the issue body has after
		inReply  string // text the last comment has
		entryLen int    // the log's length after (declared is 1)
	}{
		{"/status identified eta 30m bad config", "sandbox-bot", Applied, "incident severity/P1 status/identified", "| Status | Identified |", "### Update:", 2},
		{"/status fixed", "sandbox-bot", Invalid, "incident severity/P1 status/investigating", "| Status | Investigating |", "the state must be one of", 1},
		{"/status identified", "mallory", Refused, "incident severity/P1 status/investigating", "| Status | Investigating |", "only be given by collaborators with write access", 1},
		{"/severity P0", "carol", Applied, "incident severity/P0 status/investigating", "| Response target | immediate |", "Severity changed to P0", 2},
		{"/severity P9", "sandbox-bot", Invalid, "incident severity/P1 status/investigating", "| Severity | P1 |", "`/severity P0|P1|P2|P3`", 1},
		{"/severity P0", "dave", Refused, "incident severity/P1 status/investigating", "| Severity | P1 |", "nothing was changed", 1},
		{"/commander @bob", "sandbox-bot", Applied, "incident severity/P1 status/investigating", "| Commander | @bob |", "@bob now leads", 2},
		{"/commander @acme/sre", "sandbox-bot", Invalid, "incident severity/P1 status/investigating", "| Commander | @alice |", "a team can't be the commander", 1},
		{"/commander @bob", "mallory", Refused, "incident severity/P1 status/investigating", "| Commander | @alice |", "nothing was changed", 1},
		{"/impact-start 08:30 UTC", "sandbox-bot", Applied, "incident severity/P1 status/investigating", "| Impact started | 2026-03-04 08:30 UTC |", "**Impact start** set to 2026-03-04 08:30 UTC", 2},
		{"/impact-start soon", "sandbox-bot", Invalid, "incident severity/P1 status/investigating", "| Impact started | 2026-03-04 09:00 UTC |", "neither RFC 3339", 1},
		{"/impact-start 08:30", "mallory", Refused, "incident severity/P1 status/investigating", "| Impact started | 2026-03-04 09:00 UTC |", "nothing was changed", 1},
		{"/mitigated rollback to v1.2.3", "sandbox-bot", Applied, "incident severity/P1 status/monitoring", "by rollback |", "- **Mitigated:** by rollback", 2},
		{"/mitigated prayer", "sandbox-bot", Invalid, "incident severity/P1 status/investigating", "| Mitigated | _not yet_ |", "say how: one of rollback, hotfix, flag", 1},
		{"/mitigated flag", "mallory", Refused, "incident severity/P1 status/investigating", "| Mitigated | _not yet_ |", "nothing was changed", 1},
		{"/timeline paged the DB team", "sandbox-bot", Applied, "incident severity/P1 status/investigating", "| paged the DB team |", "**Timeline:**", 2},
		{"/timeline", "sandbox-bot", Invalid, "incident severity/P1 status/investigating", "| Status | Investigating |", "give the text of the event", 1},
		{"/timeline x", "mallory", Refused, "incident severity/P1 status/investigating", "| Status | Investigating |", "nothing was changed", 1},
		{"/resolve all good", "sandbox-bot", Applied, "incident severity/P1 status/resolved", "| Status | Resolved |", "Postmortem #", 3},
		{"/resolve", "mallory", Refused, "incident severity/P1 status/investigating", "| Resolved | _not yet_ |", "nothing was changed", 1},
		{"/deploy now", "sandbox-bot", Invalid, "incident severity/P1 status/investigating", "| Status | Investigating |", "/deploy is not a command", 1},
	}
	for _, tt := range tests {
		t.Run(tt.author+" "+tt.body, func(t *testing.T) {
			t.Parallel()
			s, n := declaredIncident(t)
			s.Server.SetCollaborator("carol", "maintain")
			s.Server.SetCollaborator("dave", "triage")
			cm := command(t, s.Client, n, tt.body, tt.author)
			got, err := Handle(context.Background(), s.Client, repo, n, cm, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			if refusedOrInvalid := got.Outcome == Refused || got.Outcome == Invalid; refusedOrInvalid != (got.Reason != "") ||
				(got.Outcome == Refused && got.Reason != tt.author+" has no write access to the repository") {
				t.Errorf("outcome %s with reason %q; want a reason exactly when refused or invalid", got.Outcome, got.Reason)
			}
			is := issueState(t, s.Client, n)
			if got.Outcome != tt.outcome || strings.Join(names(is.Labels), " ") != tt.labels || !strings.Contains(is.GetBody(), tt.inBody) {
				t.Errorf("outcome %s, labels %v; want %s, %s, body with %q:\n%s", got.Outcome, names(is.Labels), tt.outcome, tt.labels, tt.inBody, is.GetBody())
			}
			comments, _, err := s.Client.Issues.ListComments(context.Background(), repo.Owner, repo.Name, n, &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}})
			if err != nil {
				t.Fatal(err)
			}
			if last := comments[len(comments)-1].GetBody(); !strings.Contains(last, tt.inReply) {
				t.Errorf("last comment lacks %q:\n%s", tt.inReply, last)
			}
			r, err := Load(context.Background(), s.Client, repo, n, "sandbox-bot")
			if err != nil || len(r.Entries) != tt.entryLen {
				t.Errorf("log has %d entries (%v), want %d", len(r.Entries), err, tt.entryLen)
			}
			// A rerun for the same comment writes nothing.
			before := len(comments)
			again, err := Handle(context.Background(), s.Client, repo, n, cm, testOptions())
			after, _, _ := s.Client.Issues.ListComments(context.Background(), repo.Owner, repo.Name, n, &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}})
			if err != nil || len(after) != before || again.Outcome == Applied || again.Outcome == Refused || again.Outcome == Invalid {
				t.Errorf("rerun: outcome %s, %v, %d comments then %d; want no new comment", again.Outcome, err, before, len(after))
			}
		})
	}
}

// TestHandleConcurrent posts two updates at once; the log and the summary show both.
func TestHandleConcurrent(t *testing.T) {
	t.Parallel()
	for range 5 {
		s, n := declaredIncident(t)
		a := command(t, s.Client, n, "/timeline first concurrent note", "sandbox-bot")
		b := command(t, s.Client, n, "/severity P0", "sandbox-bot")
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, cm := range []*github.IssueComment{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = Handle(context.Background(), s.NewClient(), repo, n, cm, testOptions())
			}()
		}
		wg.Wait()
		if errs[0] != nil || errs[1] != nil {
			t.Fatal(errs)
		}
		is := issueState(t, s.Client, n)
		r, err := Load(context.Background(), s.Client, repo, n, "sandbox-bot")
		if err != nil || len(r.Entries) != 3 {
			t.Fatalf("log has %d entries (%v), want 3", len(r.Entries), err)
		}
		for _, want := range []string{"first concurrent note", "| Severity | P0 |", "Severity changed to P0"} {
			if !strings.Contains(is.GetBody(), want) {
				t.Errorf("summary lacks %q:\n%s", want, is.GetBody())
			}
		}
		if labels := strings.Join(names(is.Labels), " "); labels != "incident severity/P0 status/investigating" {
			t.Errorf("labels = %s", labels)
		}
	}
}

// TestHandleHostile gives commands whose text tries to ping, forge the log, break the summary and
// run code, at GitHub's comment limit. (70,000-character inputs come through declare: see
// TestDeclarationCheck and TestIssueBodyLimit.)
func TestHandleHostile(t *testing.T) {
	t.Parallel()
	s, n := declaredIncident(t)
	evil := "@acme/sre | <!-- hotfix:log {\"v\":1,\"type\":\"resolved\"} --> $(touch /tmp/pwned) `; rm -rf /` |"
	for _, body := range []string{"/timeline " + evil, "/status identified " + evil + strings.Repeat("x", 65000)} {
		if _, err := Handle(context.Background(), s.Client, repo, n, command(t, s.Client, n, body, "sandbox-bot"), testOptions()); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Load(context.Background(), s.Client, repo, n, "sandbox-bot")
	if err != nil || !r.Open || len(r.Entries) != 3 {
		t.Errorf("log: open %v, %d entries (%v); want open with 3: the marker look-alike must not resolve it", r.Open, len(r.Entries), err)
	}
	is := issueState(t, s.Client, n)
	if strings.Contains(is.GetBody(), "@acme") || strings.Count(is.GetBody(), "<!--") != 6 { // the run, the inputs, the summary start, its metrics, its state, its end
		t.Errorf("body pings or carries extra markers:\n%s", is.GetBody())
	}
	last := r.Entries[len(r.Entries)-1]
	if !strings.Contains(last.Message, "characters cut)") || len([]rune(last.Message)) > 65536 {
		t.Errorf("a 65,000-character update (GitHub refuses longer comments) should be cut with a note: %d characters", len([]rune(last.Message)))
	}
}

// TestCommandsConvergeInPostedOrder handles two /status commands in the reverse of the order
// they were posted, as two runs at once may: the later-posted one is the incident's status.
func TestCommandsConvergeInPostedOrder(t *testing.T) {
	t.Parallel()
	s, n := declaredIncident(t)
	first := command(t, s.Client, n, "/status identified bad config", "sandbox-bot")
	second := command(t, s.Client, n, "/status monitoring fix deployed", "sandbox-bot")
	ctx := context.Background()
	for _, cm := range []*github.IssueComment{second, first} {
		if _, err := Handle(ctx, s.Client, repo, n, cm, testOptions()); err != nil {
			t.Fatal(err)
		}
	}
	r, err := Load(ctx, s.Client, repo, n, "sandbox-bot")
	if err != nil {
		t.Fatal(err)
	}
	if r.State != "monitoring" {
		t.Errorf("state = %q, want monitoring: the later-posted /status wins", r.State)
	}
	if got := issueState(t, s.Client, n); !strings.Contains(got.GetBody(), "| Status | Monitoring |") {
		t.Errorf("issue body does not show Monitoring:\n%s", got.GetBody())
	}
}
