package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// followup is a sandbox whose clock a test sets, for the follow-up commands.
type followup struct {
	*sandboxtest.Sandbox
	t  *testing.T
	mu sync.Mutex
	at time.Time
}

func newFollowup(t *testing.T, start time.Time) *followup {
	f := &followup{t: t, at: start}
	f.Sandbox = sandboxtest.Start(t, sandboxtest.Options{Clock: f.now, Users: []string{"mallory"}})
	return f
}

func (f *followup) now() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.at }

func (f *followup) set(t time.Time) { f.mu.Lock(); defer f.mu.Unlock(); f.at = t }

// vars is the runner environment for an event on the sandbox.
func (f *followup) vars(event string, payload any) map[string]string {
	f.t.Helper()
	vars := actionVars(f.t, map[string]string{"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": f.URL, "GITHUB_TOKEN": sandboxtest.Token})
	if payload != nil {
		data, err := json.Marshal(payload)
		if err != nil {
			f.t.Fatal(err)
		}
		path := filepath.Join(f.t.TempDir(), "event.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			f.t.Fatal(err)
		}
		vars["GITHUB_EVENT_NAME"], vars["GITHUB_EVENT_PATH"] = event, path
	}
	return vars
}

// repository is the sandbox repository as a payload names it.
func repository() *github.Repository {
	return &github.Repository{Name: github.String(sandboxtest.Name), FullName: github.String("acme/shop"),
		Owner: &github.User{Login: github.String(sandboxtest.Owner)}, DefaultBranch: github.String("main")}
}

// openPostmortem opens a P1 postmortem for incident 7 at the sandbox's time.
func (f *followup) openPostmortem() int {
	f.t.Helper()
	return f.openPostmortemFor(7)
}

// openPostmortemFor opens a P1 postmortem for an incident at the sandbox's time.
func (f *followup) openPostmortemFor(incident int) int {
	f.t.Helper()
	pm, err := postmortem.Open(context.Background(), f.Client, postmortem.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name},
		postmortem.Facts{Title: "Checkout fails", Severity: "P1", Incident: incident, Commander: "ada", Opened: f.now()}, postmortem.Options{})
	if err != nil {
		f.t.Fatal(err)
	}
	return pm.Number
}

// issue creates an issue and returns it.
func (f *followup) issue(title, body string, labels ...string) *github.Issue {
	f.t.Helper()
	is, _, err := f.Client.Issues.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.IssueRequest{Title: &title, Body: &body, Labels: &labels})
	if err != nil {
		f.t.Fatal(err)
	}
	return is
}

func (f *followup) close(n int) *github.Issue {
	f.t.Helper()
	is, _, err := f.Client.Issues.Edit(context.Background(), sandboxtest.Owner, sandboxtest.Name, n, &github.IssueRequest{State: github.String("closed")})
	if err != nil {
		f.t.Fatal(err)
	}
	return is
}

func (f *followup) body(n int) string {
	f.t.Helper()
	is, _, err := f.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, n)
	if err != nil {
		f.t.Fatal(err)
	}
	return is.GetBody()
}

// TestRunActionItemClosed runs `hotfix run` on an action item's close: the postmortem's table
// is regenerated; a rerun writes nothing.
func TestRunActionItemClosed(t *testing.T) {
	t.Parallel()
	f := newFollowup(t, time.Date(2025, 12, 20, 10, 0, 0, 0, time.UTC))
	pm := f.openPostmortem()
	f.issue("Add a pool alarm", "Postmortem: #1\nDue: 2025-12-30", "postmortem-action")
	done := f.issue("Write the runbook", "Postmortem: #1", "postmortem-action")
	closed := f.close(done.GetNumber())
	vars := f.vars("issues", github.IssuesEvent{Action: github.String("closed"), Issue: closed, Repo: repository()})

	got := run(t, t.TempDir(), vars, "run")
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	containsAll(t, "stdout", got.stdout, []string{"running hotfix action-items sync",
		"postmortem #1: 2 action items, 1 open (1 overdue), 1 closed; 0 typed rows without an issue; table updated"})
	containsAll(t, "postmortem", f.body(pm), []string{"Add a pool alarm | — | 2025-12-30 | **overdue** |", "Write the runbook | — | 2026-01-03 | done |"})
	containsAll(t, "outputs", got.outputs, []string{"changed<<", "true"})
	containsAll(t, "summary", got.summary, []string{"### Action items\n\npostmortem #1: 2 action items, 1 open (1 overdue), 1 closed"})

	f.Server.ResetRequests()
	again := run(t, t.TempDir(), vars, "run")
	containsAll(t, "stdout", again.stdout, []string{"table unchanged"})
	for route := range f.Server.Requests() {
		if !strings.HasPrefix(route, "GET ") {
			t.Errorf("a rerun wrote: %s", route)
		}
	}
}

// TestRunCreateActionItems runs `hotfix run` on a /create-action-items comment: a collaborator's
// makes the issues, a reader's changes nothing.
func TestRunCreateActionItems(t *testing.T) {
	t.Parallel()
	f := newFollowup(t, time.Date(2025, 12, 20, 10, 0, 0, 0, time.UTC))
	pm := f.openPostmortem()
	body := strings.Replace(f.body(pm), "| _none yet_ | | | |", "| Add a pool alarm | ada | 2026-01-15 | |", 1)
	if _, _, err := f.Client.Issues.Edit(context.Background(), sandboxtest.Owner, sandboxtest.Name, pm, &github.IssueRequest{Body: &body}); err != nil {
		t.Fatal(err)
	}
	issue, _, err := f.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, pm)
	if err != nil {
		t.Fatal(err)
	}
	comment := func(login string) map[string]string {
		return f.vars("issue_comment", github.IssueCommentEvent{Action: github.String("created"), Issue: issue, Repo: repository(),
			Comment: &github.IssueComment{Body: github.String("/create-action-items\n"), User: &github.User{Login: github.String(login)}}})
	}

	denied := run(t, t.TempDir(), comment("mallory"), "action-items", "--postmortem", "1", "--requested-by", "mallory", "create")
	if denied.code != ExitOK || !strings.Contains(denied.stdout, "mallory may not create action items") || strings.Contains(f.body(pm), "[#") {
		t.Errorf("a reader's request: exit %d, stdout:\n%s", denied.code, denied.stdout)
	}
	got := run(t, t.TempDir(), comment("sandbox-bot"), "action-items", "--postmortem", "1", "--requested-by", "sandbox-bot", "create")
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	containsAll(t, "stdout", got.stdout, []string{"created [2]"})
	containsAll(t, "postmortem", f.body(pm), []string{"[#2](", "Add a pool alarm | @ada | 2026-01-15 | open |"})
}

func TestActionItemsUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"action-items", "sync"}, {"action-items", "--postmortem", "3"}, {"action-items", "--postmortem", "3", "frob"}} {
		got := run(t, t.TempDir(), nil, args...)
		if got.code != ExitUsage || !strings.Contains(got.stderr, "hotfix action-items: ") {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, got.code, got.stderr)
		}
	}
}
