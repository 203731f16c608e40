package hostile

import (
	"context"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// forged is the detector: the record says what mallory wrote, an entry by her or a resolution.
func forged(r incident.Record) bool {
	for _, e := range r.Entries {
		if e.Author != bot {
			return true
		}
	}
	return r.State == incident.Resolved
}

// forgedIncident declares an incident through the toolkit, then has mallory post a log entry
// that resolves it, on incident #1.
func forgedIncident(t *testing.T) *world {
	t.Helper()
	w := newWorld(t, sandboxtest.Token)
	w.mustRun(cli.ExitOK, w.vars("workflow_dispatch", declareEvent(t), nil), "run")
	w.comment("mallory", 1, forgedLog+"\nResolved.")
	return w
}

// TestForgedLogIgnored: the toolkit's own load of the log leaves mallory's entry out.
func TestForgedLogIgnored(t *testing.T) {
	t.Parallel()
	w := forgedIncident(t)
	r, err := incident.Load(context.Background(), w.s.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, 1, bot)
	if err != nil {
		t.Fatal(err)
	}
	if forged(r) || r.State != incident.Investigating {
		t.Errorf("the record took mallory's entry: state %q, entries %+v", r.State, r.Entries)
	}
}

// TestForgedLogTakenWithoutAuthorCheck builds the unsafe variant directly, a load that reads
// every comment with the marker whoever wrote it, and shows that the detector then fires.
func TestForgedLogTakenWithoutAuthorCheck(t *testing.T) {
	t.Parallel()
	w := forgedIncident(t)
	cms, _, err := w.s.Client.Issues.ListComments(context.Background(), sandboxtest.Owner, sandboxtest.Name, 1, &github.IssueListCommentsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var entries []incident.Entry
	for _, cm := range cms {
		if e, ok := incident.FromComment(cm, cm.GetUser().GetLogin()); ok { // any author counts
			entries = append(entries, e)
		}
	}
	if r := incident.Fold(entries); !forged(r) {
		t.Errorf("without the author check the record is %q with %d entries; the detector should fire", r.State, len(r.Entries))
	}
}

// TestLeakDetectorFiresWithoutMask runs a command outside an action, where nothing masks the
// token in a job log, and shows that the token-leak detector then fires; and that it fires on a
// run that prints the token, as an unredacted error would.
func TestLeakDetectorFiresWithoutMask(t *testing.T) {
	t.Parallel()
	w := newWorld(t, secret)
	vars := w.vars("schedule", "", nil)
	delete(vars, "GITHUB_ACTIONS")
	got := w.mustRun(cli.ExitOK, vars, "report")
	if len(leaks(got, secret)) == 0 {
		t.Errorf("no leak reported for a run that never masked the token:\n%s", got.all())
	}
	masked := w.mustRun(cli.ExitOK, w.vars("schedule", "", nil), "report")
	if len(leaks(masked, secret)) != 0 {
		t.Fatalf("a masked run leaks: %v", leaks(masked, secret))
	}
	masked.stderr += "hotfix report: GET /user with " + secret + ": 401\n"
	if len(leaks(masked, secret)) == 0 {
		t.Error("no leak reported for a run that printed the token")
	}
}
