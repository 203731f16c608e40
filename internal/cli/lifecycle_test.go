package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	metrics "github.com/incident-hotfix/incident-hotfix/internal/report"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// jan is a time in January 2026, UTC; the story starts on Monday the 5th.
func jan(d, hh, mm int) time.Time { return time.Date(2026, 1, d, hh, mm, 0, 0, time.UTC) }

// lifecycle is one incident's story on the sandbox, every step through `hotfix run` as GitHub
// triggers it, the sandbox's clock and the command's moved together.
type lifecycle struct {
	*followup
	t          *testing.T
	postmortem int
}

// runEvent posts nothing itself: it runs `hotfix run` at time at on an event already written.
func (l *lifecycle) runEvent(at time.Time, name, path string) result {
	l.t.Helper()
	l.set(at)
	vars := l.vars("", nil)
	vars["GITHUB_EVENT_NAME"], vars["GITHUB_EVENT_PATH"], vars["GITHUB_ACTOR"], vars["GITHUB_RUN_ID"] = name, path, "alice", "4242"
	got := runAt(l.t, l.t.TempDir(), vars, at, "run")
	if got.code != ExitOK {
		l.t.Fatalf("hotfix run on %s at %s: exit %d\nstdout:\n%s\nstderr:\n%s", name, at, got.code, got.stdout, got.stderr)
	}
	return got
}

// command posts a command on the incident at time at and runs `hotfix run` on its issue_comment.
func (l *lifecycle) command(at time.Time, body string) result {
	l.t.Helper()
	l.set(at)
	got := l.runEvent(at, "issue_comment", commentEvent(l.t, l.Sandbox, 1, body))
	containsAll(l.t, body, got.stdout, []string{"incident #1: applied"})
	return got
}

// issueEvent runs `hotfix run` at time at on an issues event for the issue as it is now.
func (l *lifecycle) issueEvent(at time.Time, action string, number int) result {
	l.t.Helper()
	l.set(at)
	is, _, err := l.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		l.t.Fatal(err)
	}
	ev := github.IssuesEvent{Action: &action, Issue: is, Repo: repository(), Label: &github.Label{Name: github.String("postmortem-action")}}
	return l.runEvent(at, "issues", writeEvent(l.t, ev))
}

// hotfixPR pushes a fix to the declared branch at 10:10, opens its PR naming the incident, merges
// it with a squash at 10:30 and deletes the branch, as GitHub does. It returns the merged PR.
func (l *lifecycle) hotfixPR(branch string) *github.PullRequest {
	l.t.Helper()
	ctx, c := context.Background(), l.Client
	l.set(jan(5, 10, 10))
	l.Push(branch, map[string]string{"svc.txt": "one\nTWO fixed\nthree\n"})
	title, base, body := "Raise the pool size", "main", "The pool ran dry.\n\nIncident: #1\n"
	pr, _, err := c.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.NewPullRequest{Title: &title, Head: &branch, Base: &base, Body: &body})
	if err != nil {
		l.t.Fatal(err)
	}
	if _, _, err := c.Issues.AddLabelsToIssue(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), []string{"severity/P1"}); err != nil {
		l.t.Fatal(err)
	}
	l.set(jan(5, 10, 30))
	for range 2 { // mergeable is null until the sandbox has computed it
		if _, _, err := c.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber()); err != nil {
			l.t.Fatal(err)
		}
	}
	if _, _, err := c.PullRequests.Merge(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "squash"}); err != nil {
		l.t.Fatal(err)
	}
	if _, err := c.Git.DeleteRef(ctx, sandboxtest.Owner, sandboxtest.Name, "heads/"+branch); err != nil {
		l.t.Fatal(err)
	}
	pr, _, err = c.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber())
	if err != nil {
		l.t.Fatal(err)
	}
	return pr
}

// requests counts the requests since the last reset with method to path.
func (l *lifecycle) requests(method, path string) int {
	n := 0
	for _, r := range l.Server.RequestLog() {
		if r.Method == method && r.Path == path {
			n++
		}
	}
	return n
}

// inOrder checks that text holds each fragment, each after the one before.
func inOrder(t *testing.T, what, text string, fragments []string) {
	t.Helper()
	rest := text
	for _, f := range fragments {
		i := strings.Index(rest, f)
		if i < 0 {
			t.Errorf("%s lacks %q after the fragments before it:\n%s", what, f, text)
			return
		}
		rest = rest[i+len(f):]
	}
}

// TestLifecycle plays an incident from its declaration to its report: declare P1 with a branch,
// /status, the hotfix PR merged, /mitigated hotfix, /resolve, then the postmortem's true timeline
// and duration, two action items (one closed), a reminder once after the clock jumps past the
// other's due date, and the report's figures, each computed from the times the story sets.
func TestLifecycle(t *testing.T) {
	t.Parallel()
	l := &lifecycle{followup: newFollowup(t, jan(5, 9, 0)), t: t}
	l.Push("main", map[string]string{"svc.txt": "one\ntwo\nthree\n"})
	l.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	l.Push("develop", map[string]string{"feature.txt": "new\n"}, "main")

	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo, "sender": map[string]any{"login": "alice"},
		"inputs": map[string]any{"title": "Checkout fails for EU", "severity": "P1", "service": "checkout", "impact": "EU users can't pay",
			"impact_started": "2026-01-05T09:40:00Z", "create_branch": true}})
	containsAll(t, "declare", l.runEvent(jan(5, 9, 50), "workflow_dispatch", dispatch).stdout, []string{"incident #1"})
	rec, err := incident.Load(context.Background(), l.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, 1, "sandbox-bot")
	if err != nil || rec.Branch == "" || l.Git("rev-parse", rec.Branch) != l.Git("rev-parse", "main") {
		t.Fatalf("declared incident: branch %q, %v; want a hotfix branch cut from main", rec.Branch, err)
	}
	l.command(jan(5, 10, 5), "/status identified eta 30m db pool exhausted")

	pr := l.hotfixPR(rec.Branch) // #2, opened 10:10, merged 10:30
	merged := l.runEvent(jan(5, 10, 31), "pull_request", mergedPayload(t, pr))
	containsAll(t, "merge", merged.stdout, []string{"tag         v1.2.4 created (previous v1.2.3)", "backport    #3 to develop created", "postmortem  #4 created"})
	l.postmortem = 4
	containsAll(t, "postmortem at the merge", l.body(4), []string{"Duration: 50m: from impact start (2026-01-05 09:40 UTC) to fix merged (2026-01-05 10:30 UTC)."})
	l.write(jan(5, 10, 35), "✍️ _What happened, in two or three sentences._", "The pool ran dry | writes queued.")

	l.command(jan(5, 10, 45), "/mitigated hotfix v1.2.4 deployed")
	l.set(jan(5, 11, 52))
	resolve := commentEvent(t, l.Sandbox, 1, "/resolve error rate normal")
	l.Server.ResetRequests()
	containsAll(t, "/resolve", l.runEvent(jan(5, 11, 52), "issue_comment", resolve).stdout, []string{"incident #1: applied resolved; postmortem #4 refreshed with the final timeline"})
	l.checkResolved()
	if n := l.requests("GET", "/repos/acme/shop/pulls/2"); n != 1 {
		t.Errorf("/resolve read the hotfix PR %d times, want once", n)
	}
	if n := l.requests("PATCH", "/repos/acme/shop/issues/4"); n != 1 {
		t.Errorf("/resolve wrote the postmortem %d times, want one refresh", n)
	}
	l.Server.ResetRequests()
	containsAll(t, "/resolve again", l.runEvent(jan(5, 11, 55), "issue_comment", resolve).stdout, []string{"incident #1: already"})
	if n := l.requests("PATCH", "/repos/acme/shop/issues/4"); n != 0 {
		t.Errorf("a rerun of /resolve wrote the unchanged postmortem %d times, want none", n)
	}
	l.checkItems()
	l.checkRemind()
	l.checkReport()
}

// write edits the postmortem as a person would at time at: old becomes text.
func (l *lifecycle) write(at time.Time, old, text string) {
	l.t.Helper()
	l.set(at)
	body := l.body(l.postmortem)
	if !strings.Contains(body, old) {
		l.t.Fatalf("the postmortem lacks %q:\n%s", old, body)
	}
	body = strings.Replace(body, old, text, 1)
	if _, _, err := l.Client.Issues.Edit(context.Background(), sandboxtest.Owner, sandboxtest.Name, l.postmortem, &github.IssueRequest{Body: &body}); err != nil {
		l.t.Fatal(err)
	}
}

// checkResolved: after /resolve the postmortem shows the whole timeline and the duration from the
// impact start (09:40) to the resolution (11:52), 2h 12m, and keeps what the person wrote.
func (l *lifecycle) checkResolved() {
	l.t.Helper()
	body := l.body(l.postmortem)
	inOrder(l.t, "the postmortem's timeline", body, []string{
		"| 2026-01-05 09:40 UTC | Impact started |",
		"| 2026-01-05 09:50 UTC | Incident declared |",
		"| 2026-01-05 10:05 UTC | Status: identified: db pool exhausted |",
		"| 2026-01-05 10:10 UTC | Hotfix PR #2 opened |",
		"| 2026-01-05 10:30 UTC | Hotfix PR #2 merged |",
		"| 2026-01-05 10:30 UTC | Tagged v1.2.4 |",
		"| 2026-01-05 10:30 UTC | Backport #3 opened to develop |",
		"| 2026-01-05 10:45 UTC | Mitigated |",
		"| 2026-01-05 11:52 UTC | Resolved |",
		"Duration: 2h 12m: from impact start (2026-01-05 09:40 UTC) to resolved (2026-01-05 11:52 UTC).",
	})
	containsAll(l.t, "the refreshed postmortem", body, []string{"| **Duration** | 2h 12m |", "| **Date** | 2026-01-05 |",
		"The pool ran dry | writes queued.", "Fixed by #2 (Raise the pool size)", "released as `v1.2.4`", "Backport #3 to `develop`"})
	if strings.Contains(body, "linked |") {
		l.t.Errorf("the timeline repeats the links it shows at the merge:\n%s", body)
	}
	issues, _, err := l.Client.Issues.ListByRepo(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all", Labels: []string{"postmortem"}})
	if err != nil || len(issues) != 1 {
		l.t.Errorf("%d postmortems (%v), want the one opened at the merge", len(issues), err)
	}
}

// checkItems labels two action items on the postmortem, one due 2026-01-08 and one with the P1
// default (14 days after the postmortem opened: 2026-01-19), and closes the second the next day.
func (l *lifecycle) checkItems() {
	l.t.Helper()
	pm := "Postmortem: #" + strconv.Itoa(l.postmortem)
	l.set(jan(5, 12, 0))
	alert := l.issue("Alert on pool saturation", pm+"\nDue: 2026-01-08", "postmortem-action").GetNumber()
	l.issueEvent(jan(5, 12, 0), "labeled", alert)
	l.set(jan(5, 12, 5))
	runbook := l.issue("Write the pool runbook", pm, "postmortem-action").GetNumber()
	l.issueEvent(jan(5, 12, 5), "labeled", runbook)
	l.set(jan(6, 9, 0))
	l.close(runbook)
	got := l.issueEvent(jan(6, 9, 0), "closed", runbook)
	containsAll(l.t, "stdout", got.stdout, []string{"postmortem #4: 2 action items, 1 open (0 overdue), 1 closed; 0 typed rows without an issue; table updated"})
	containsAll(l.t, "the postmortem's table", l.body(l.postmortem), []string{
		"Alert on pool saturation | — | 2026-01-08 | open |", "Write the pool runbook | — | 2026-01-19 | done |",
		"Duration: 2h 12m: from impact start", "The pool ran dry | writes queued."})
}

// checkRemind jumps the clock to 2026-01-10 10:00, past the first item's due day: the schedule
// flags it once, on the item and on the postmortem (whose own 48 hours ran out on 2026-01-07
// 10:31, so it is reminded daily from then); a second run half an hour later posts nothing.
func (l *lifecycle) checkRemind() {
	l.t.Helper()
	schedule := writeEvent(l.t, event.ScheduleEvent{Cron: "*/30 * * * *", Repo: repository()})
	got := l.runEvent(jan(10, 10, 0), "schedule", schedule)
	containsAll(l.t, "remind", got.stdout, []string{
		"#5 action-item, window 2026-01-09T00:00:00Z: reminded",
		"#4 action-item (item #5), window 2026-01-09T00:00:00Z: reminded",
		"#4 postmortem, window 2026-01-09T10:31:00Z: reminded",
		"3 reminders posted"})
	if strings.Contains(got.stdout, "#6 action-item") || strings.Contains(got.stdout, "#1 update") {
		l.t.Errorf("remind flagged the closed item or the resolved incident:\n%s", got.stdout)
	}
	containsAll(l.t, "the postmortem's table", l.body(l.postmortem), []string{"Alert on pool saturation | — | 2026-01-08 | **overdue** |"})
	again := l.runEvent(jan(10, 10, 30), "schedule", schedule)
	containsAll(l.t, "remind again", again.stdout, []string{"#5 action-item, window 2026-01-09T00:00:00Z: already reminded in this window", "0 reminders posted"})
	comments, _, err := l.Client.Issues.ListComments(context.Background(), sandboxtest.Owner, sandboxtest.Name, 5, nil)
	if err != nil || len(comments) != 1 {
		l.t.Errorf("the overdue item has %d comments (%v), want one reminder", len(comments), err)
	}
}

// checkReport: one P1; acknowledged 15m after it was declared, mitigated 1h 5m and resolved
// 2h 12m after the impact started; the postmortem is still open (not yet written up), so the time
// to postmortem has no measurable incident; one item closed on time out of the two that count
// (one closed, one past its due day).
func (l *lifecycle) checkReport() {
	l.t.Helper()
	now := jan(10, 11, 0)
	l.set(now)
	got := runAt(l.t, l.t.TempDir(), l.vars("", nil), now, "report", "--since", "2026-01-01", "--json")
	var rep metrics.Report
	if i := strings.Index(got.stdout, "{"); got.code != ExitOK || i < 0 || json.Unmarshal([]byte(got.stdout[i:]), &rep) != nil {
		l.t.Fatalf("report --json: exit %d\n%s%s", got.code, got.stdout, got.stderr)
	}
	p1 := rep.Severities[1]
	type figure struct {
		Name string
		N    int
		Secs int64
	}
	var figures []figure
	for _, m := range p1.Durations {
		figures = append(figures, figure{m.Name, m.N, m.MedianSeconds})
	}
	secs := func(from, to time.Time) int64 { return int64(to.Sub(from).Seconds()) }
	want := []figure{
		{"time to acknowledge", 1, secs(jan(5, 9, 50), jan(5, 10, 5))},
		{"time to mitigate", 1, secs(jan(5, 9, 40), jan(5, 10, 45))},
		{"time to resolve", 1, secs(jan(5, 9, 40), jan(5, 11, 52))},
		{"time to postmortem", 0, 0},
	}
	if p1.Severity != "P1" || p1.Incidents.Value != 1 || fmt.Sprint(figures) != fmt.Sprint(want) {
		l.t.Errorf("P1: %s, %d incidents, figures %v; want P1, 1, %v", p1.Severity, p1.Incidents.Value, figures, want)
	}
	if r := p1.ActionItems; r.OnTime != 1 || r.Due != 2 || r.Percent == nil || *r.Percent != 50 {
		l.t.Errorf("action items on time = %+v, want 1 of 2 (50%%)", r)
	}
}
