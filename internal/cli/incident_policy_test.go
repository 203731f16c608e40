package cli

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// remindLine is what hotfix remind prints for an incident's update reminder.
func remindLine(number int, window, what string) string {
	return fmt.Sprintf("#%d update, window %s: %s", number, window, what)
}

// TestRemindCadenceFromPolicy declares a P1 at 01:00 and runs remind at 03:04:05 under several
// policies: incident.cadence decides whether the update is overdue, and which window it is in.
func TestRemindCadenceFromPolicy(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		policy string
		want   string
	}{
		"default 1h":        {"", remindLine(1, "2026-01-02T03:00:00Z", "reminded")},
		"P1 every 90m":      {"incident:\n  cadence: {P1: 90m}\n", remindLine(1, "2026-01-02T02:30:00Z", "reminded")},
		"P1 every 3h":       {"incident:\n  cadence: {P1: 3h}\n", "0 reminders posted"},
		"other severity 5m": {"incident:\n  cadence: {P0: 5m, P1: 3h}\n", "0 reminders posted"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := newFollowup(t, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
			if tc.policy != "" {
				f.Push("main", map[string]string{".github/hotfix.yml": tc.policy})
			}
			inc := f.issue("[P1] Search is slow", "", "incident")
			f.logEntry(inc.GetNumber(), time.Date(2026, 1, 2, 1, 0, 0, 0, time.UTC), incident.Entry{Type: incident.Declared, Severity: "P1", Title: "Search is slow", Commander: "ada"})
			f.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))

			got := run(t, t.TempDir(), f.vars("", nil), "remind")
			if got.code != ExitOK {
				t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
			}
			containsAll(t, "stdout", got.stdout, []string{tc.want})
			if posted := strings.Contains(tc.want, "reminded"); posted != (f.comments(inc.GetNumber()) == 2) {
				t.Errorf("incident #%d has %d comments; want a reminder after the log entry: %t", inc.GetNumber(), f.comments(inc.GetNumber()), posted)
			}
		})
	}
}

// comments counts the comments on an issue.
func (f *followup) comments(number int) int {
	f.t.Helper()
	list, _, err := f.Client.Issues.ListComments(context.Background(), sandboxtest.Owner, sandboxtest.Name, number, nil)
	if err != nil {
		f.t.Fatal(err)
	}
	return len(list)
}

// checkout clones the sandbox repository, as actions/checkout would, so hotfix run routes under
// the base branch's policy.
func (f *followup) checkout() string {
	f.t.Helper()
	dir := filepath.Join(f.t.TempDir(), "work")
	cmd := exec.Command("git", "clone", "-q", "--", f.Dir, dir)
	cmd.Env = gittest.Env
	if out, err := cmd.CombinedOutput(); err != nil {
		f.t.Fatalf("git clone: %v\n%s", err, out)
	}
	return dir
}

// TestIncidentLabelFromPolicy runs a whole incident under incident.label sev: declare labels the
// issue sev, hotfix run routes a command on it (and not on an issue labelled incident), and
// remind looks only at issues labelled sev.
func TestIncidentLabelFromPolicy(t *testing.T) {
	t.Parallel()
	f := newFollowup(t, time.Date(2026, 1, 2, 0, 30, 0, 0, time.UTC))
	f.Push("main", map[string]string{".github/hotfix.yml": "incident:\n  label: sev\n  recent_changes: 48h\n"})
	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": repository(), "sender": map[string]any{"login": "alice"},
		"inputs": map[string]any{"title": "Checkout fails", "severity": "P1", "service": "checkout", "impact": "no payments"}})
	got := run(t, f.checkout(), incidentVars(t, f.Sandbox, "workflow_dispatch", dispatch, ""), "run")
	if got.code != ExitOK || !strings.Contains(got.stdout, "incident #1") {
		t.Fatalf("declare: exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	declared := f.get(1)
	if labels := labelNames(declared); !slices.Contains(labels, "sev") || slices.Contains(labels, "incident") {
		t.Errorf("declared issue labels = %v, want sev and not incident", labels)
	}
	containsAll(t, "incident body", declared.GetBody(), []string{"(last 48h)"})

	stray := f.issue("[P0] Old incident", "", "incident")
	f.logEntry(stray.GetNumber(), time.Date(2026, 1, 2, 0, 30, 0, 0, time.UTC), incident.Entry{Type: incident.Declared, Severity: "P0", Title: "Old incident", Commander: "ada"})
	f.set(time.Date(2026, 1, 2, 1, 0, 0, 0, time.UTC))
	for number, want := range map[int]string{
		1: "incident #1: applied status",
		2: "issue_comment on #2, which is not labelled sev: nothing to do",
	} {
		got := run(t, f.checkout(), incidentVars(t, f.Sandbox, "issue_comment", f.command(number, "/status identified bad config"), ""), "run")
		if got.code != ExitOK || !strings.Contains(got.stdout, want) {
			t.Errorf("/status on #%d: exit %d, want %q\nstdout:\n%s\nstderr:\n%s", number, got.code, want, got.stdout, got.stderr)
		}
	}

	f.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	got = run(t, t.TempDir(), f.vars("", nil), "remind")
	containsAll(t, "remind", got.stdout, []string{remindLine(1, "2026-01-02T03:00:00Z", "reminded"), "1 reminder posted"})
	if strings.Contains(got.stdout, "#2 update") {
		t.Errorf("remind looked at #2, which is labelled incident, not sev:\n%s", got.stdout)
	}
	again := run(t, t.TempDir(), f.vars("", nil), "remind", "--json")
	oneJSONDocument(t, "remind --json", again.stdout)
	if !strings.Contains(again.outputs, "posted") || again.summary == "" {
		t.Errorf("remind --json wrote no outputs or summary:\noutputs:\n%s\nsummary:\n%s", again.outputs, again.summary)
	}
	got = run(t, t.TempDir(), f.vars("", nil), "report", "--since", "90d")
	containsAll(t, "report", got.stdout, []string{"P0\n  incidents                    0", "P1\n  incidents                    1"})
}

// command posts body on issue number and returns the issue_comment event file for it, with the
// repository's default branch, so hotfix run reads the policy from the checkout.
func (f *followup) command(number int, body string) string {
	f.t.Helper()
	cm, _, err := f.Client.Issues.CreateComment(context.Background(), sandboxtest.Owner, sandboxtest.Name, number, &github.IssueComment{Body: &body})
	if err != nil {
		f.t.Fatal(err)
	}
	return writeEvent(f.t, github.IssueCommentEvent{Action: github.String("created"), Issue: f.get(number), Comment: cm, Repo: repository(), Sender: cm.User})
}

// get reads an issue.
func (f *followup) get(number int) *github.Issue {
	f.t.Helper()
	is, _, err := f.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		f.t.Fatal(err)
	}
	return is
}

// labelNames lists an issue's label names.
func labelNames(is *github.Issue) []string {
	var out []string
	for _, l := range is.Labels {
		out = append(out, l.GetName())
	}
	return out
}

// TestIdentityFromPolicy writes two incidents' logs, one as ops-bot and one as the token's own
// user: under incident.identity ops-bot, only ops-bot's log counts, even when the identity input
// names the token's user.
func TestIdentityFromPolicy(t *testing.T) {
	t.Parallel()
	f := &followup{t: t, at: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	f.Sandbox = sandboxtest.Start(t, sandboxtest.Options{Clock: f.now, Users: []string{"ops-bot"}})
	f.Push("main", map[string]string{".github/hotfix.yml": "incident:\n  identity: ops-bot\n"})
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	for _, c := range []*github.Client{f.As("ops-bot"), f.Client} {
		is := f.issue("[P1] Search is slow", "", "incident")
		f.set(time.Date(2026, 1, 2, 1, 0, 0, 0, time.UTC))
		if _, err := incident.Append(context.Background(), c, repo, is.GetNumber(), incident.Entry{Type: incident.Declared, Severity: "P1", Title: "Search is slow", Commander: "ada"}); err != nil {
			t.Fatal(err)
		}
	}
	f.set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	vars := f.vars("", nil)
	vars["INPUT_IDENTITY"] = "sandbox-bot"

	got := run(t, t.TempDir(), vars, "remind")
	containsAll(t, "remind", got.stdout, []string{remindLine(1, "2026-01-02T03:00:00Z", "reminded"), "1 reminder posted"})
	if strings.Contains(got.stdout, "#2 update") {
		t.Errorf("remind counted #2, whose log sandbox-bot wrote, under incident.identity ops-bot:\n%s", got.stdout)
	}
}
