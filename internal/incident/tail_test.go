package incident

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// TestUpdatesGoOnFromTheSummary handles many commands, with people's comments between them, a
// rerun of an old command and a command handled after a later one: each update reads only the
// log's tail after the record its summary keeps, and the summary stays the one the whole log
// makes.
func TestUpdatesGoOnFromTheSummary(t *testing.T) {
	t.Parallel()
	s, n := declaredIncident(t)
	ctx := context.Background()
	handle := func(cm *github.IssueComment) Handled {
		t.Helper()
		got, err := Handle(ctx, s.Client, repo, n, cm, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	var first *github.IssueComment
	for i := range 60 {
		command(t, s.Client, n, fmt.Sprintf("a person's comment %d", i), "alice")
		cm := command(t, s.Client, n, fmt.Sprintf("/timeline step %d", i), "sandbox-bot")
		if i == 0 {
			first = cm
		}
		handle(cm)
	}
	if got := handle(first); got.Outcome != AlreadyDone {
		t.Errorf("a rerun of the first command: %s, want %s", got.Outcome, AlreadyDone)
	}
	early := command(t, s.Client, n, "/status identified bad config", "sandbox-bot")
	late := command(t, s.Client, n, "/status monitoring fix deployed", "sandbox-bot")
	handle(late)
	handle(early) // posted before the record's last entry: the whole log is read
	r, err := Load(ctx, s.Client, repo, n, "sandbox-bot")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Entries) != 63 || r.State != Monitoring {
		t.Errorf("log: %d entries, state %s; want 63, monitoring", len(r.Entries), r.State)
	}
	body := issueState(t, s.Client, n).GetBody()
	start, end := strings.Index(body, SummaryStart), strings.Index(body, SummaryEnd)
	if start < 0 || end < start {
		t.Fatalf("no summary:\n%s", body)
	}
	if diff := cmp.Diff(body[start:end+len(SummaryEnd)+1], Summary(r, Severities)); diff != "" {
		t.Errorf("summary differs from the whole log's (-got +want):\n%s", diff)
	}
}

// TestConcurrentUpdatesFromTheSummary handles two commands at once on an incident whose summary
// keeps the record: each reads only the log's tail, and the summary shows both.
func TestConcurrentUpdatesFromTheSummary(t *testing.T) {
	t.Parallel()
	for range 5 {
		s, n := declaredIncident(t)
		ctx := context.Background()
		if _, err := Handle(ctx, s.Client, repo, n, command(t, s.Client, n, "/timeline paged the team", "sandbox-bot"), testOptions()); err != nil {
			t.Fatal(err)
		}
		if _, ok := fromSummary(n, issueState(t, s.Client, n).GetBody()); !ok {
			t.Fatal("the summary keeps no record after an update")
		}
		a := command(t, s.Client, n, "/timeline first concurrent note", "sandbox-bot")
		b := command(t, s.Client, n, "/severity P0", "sandbox-bot")
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, cm := range []*github.IssueComment{a, b} {
			wg.Go(func() { _, errs[i] = Handle(ctx, s.NewClient(), repo, n, cm, testOptions()) })
		}
		wg.Wait()
		if errs[0] != nil || errs[1] != nil {
			t.Fatal(errs)
		}
		r, err := Load(ctx, s.Client, repo, n, "sandbox-bot")
		if err != nil || len(r.Entries) != 4 {
			t.Fatalf("log has %d entries (%v), want 4", len(r.Entries), err)
		}
		if body := issueState(t, s.Client, n).GetBody(); !strings.Contains(body, Summary(r, Severities)) {
			t.Errorf("the summary is not the whole log's:\n%s\nwant:\n%s", body, Summary(r, Severities))
		}
	}
}

// TestManyConcurrentUpdates handles eight commands at once, more than the rounds a run would
// give to catching up if each round found another run's entry: the summary shows every one.
func TestManyConcurrentUpdates(t *testing.T) {
	t.Parallel()
	for range 4 {
		s, n := declaredIncident(t)
		ctx := context.Background()
		var comments []*github.IssueComment
		for i := range 8 {
			comments = append(comments, command(t, s.Client, n, fmt.Sprintf("/timeline note number %d", i+1), "sandbox-bot"))
		}
		var wg sync.WaitGroup
		errs := make([]error, len(comments))
		for i, cm := range comments {
			wg.Go(func() { _, errs[i] = Handle(ctx, s.NewClient(), repo, n, cm, testOptions()) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		r, err := Load(ctx, s.Client, repo, n, "sandbox-bot")
		if err != nil || len(r.Entries) != 9 {
			t.Fatalf("log has %d entries (%v), want 9", len(r.Entries), err)
		}
		if body := issueState(t, s.Client, n).GetBody(); !strings.Contains(body, Summary(r, Severities)) {
			t.Fatalf("the summary is not the whole log's:\n%s\nwant:\n%s", body, Summary(r, Severities))
		}
	}
}
