package hostile

import (
	"context"
	"net"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// mergedEvent sets up a merged hotfix in w and returns the pull_request closed event for it.
func (w *world) mergedEvent() string {
	w.t.Helper()
	pr := sandboxtest.MergedHotfix(w.t, w.s, "merge", "")
	return writeJSON(w.t, map[string]any{"action": "closed", "number": pr.GetNumber(), "pull_request": pr, "repository": repoJSON, "sender": pr.GetUser()})
}

// declareEvent is a workflow_dispatch that declares an incident.
func declareEvent(t *testing.T) string {
	return writeJSON(t, map[string]any{"ref": "refs/heads/main", "repository": repoJSON,
		"inputs": map[string]any{"title": "Checkout fails", "severity": "P1", "service": "checkout", "impact": "EU", "commander": "alice"}})
}

// openedEvent pushes a small hotfix, opens its PR as alice and returns the opened event.
func (w *world) openedEvent() string {
	w.t.Helper()
	w.s.Push("hotfix/db", map[string]string{"svc.txt": gittest.Lines("svc", 3) + "fixed\n"}, "main")
	title, branch, base := "Fix", "hotfix/db", "main"
	pr, _, err := w.s.As("alice").PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: &title, Head: &branch, Base: &base})
	if err != nil {
		w.t.Fatal(err)
	}
	return w.prEvent("opened", pr.GetNumber())
}

// TestPermissionNamed refuses each kind of write the toolkit makes with GitHub's 403 for a token
// without the permission (the sandbox's forbidden fault), and checks that the run names the
// permission (a commit status the guard can't set is reported, and branch protection that
// requires it still blocks the merge), and never shows the token.
func TestPermissionNamed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		route, want string
		event       func(w *world) (string, string)
	}{
		{"POST /repos/{owner}/{repo}/git/refs", "contents: write", func(w *world) (string, string) { return "pull_request", w.mergedEvent() }},
		{"POST /repos/{owner}/{repo}/git/tags", "contents: write", func(w *world) (string, string) { return "pull_request", w.mergedEvent() }},
		{"POST /repos/{owner}/{repo}/pulls", "pull-requests: write", func(w *world) (string, string) { return "pull_request", w.mergedEvent() }},
		{"POST /repos/{owner}/{repo}/issues", "issues: write", func(w *world) (string, string) { return "workflow_dispatch", declareEvent(w.t) }},
		{"POST /repos/{owner}/{repo}/issues/{number}/comments", "issues: write", func(w *world) (string, string) {
			return "issue_comment", w.comment("alice", w.declared(), "/status identified db")
		}},
		{"POST /repos/{owner}/{repo}/statuses/{sha}", "statuses: write", func(w *world) (string, string) { return "pull_request", w.openedEvent() }},
	}
	for _, tt := range tests {
		t.Run(tt.route, func(t *testing.T) {
			t.Parallel()
			w := newFaultyWorld(t, secret, "route="+tt.route+":forbidden")
			w.s.Push("main", map[string]string{"svc.txt": gittest.Lines("svc", 3)})
			name, payload := tt.event(w)
			got := run(t, t.TempDir(), w.vars(name, payload, nil), "run")
			if !strings.Contains(got.all(), "the token may lack the "+tt.want+" permission") {
				t.Errorf("exit %d; want a message that names %s:\n%s", got.code, tt.want, got.all())
			}
			if l := leaks(got, secret); len(l) > 0 {
				t.Errorf("leaks %v:\n%s", l, got.all())
			}
		})
	}
}

// declared declares an incident on w with the route's fault not yet in the way, and returns its
// number: the fault strikes only the route under test.
func (w *world) declared() int {
	w.t.Helper()
	title := "[P1] Checkout fails"
	labels := []string{"incident"}
	is, _, err := w.s.Client.Issues.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueRequest{Title: &title, Labels: &labels})
	if err != nil {
		w.t.Fatal(err)
	}
	return is.GetNumber()
}

// TestTokenNotInErrors forces the errors a token meets, a wrong token (401), an unknown
// repository (404), a refused write (403) and a server that is not there, and checks that each
// run fails with a message that says what to check, and never shows the token it was given.
func TestTokenNotInErrors(t *testing.T) {
	t.Parallel()
	w := newWorld(t, secret)
	w.s.Push("main", map[string]string{"svc.txt": gittest.Lines("svc", 3)})
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	gone := "http://" + closed.Addr().String() + "/"
	closed.Close()
	wrong := secret + "Wrong"
	tests := []struct {
		name  string
		vars  map[string]string
		token string
		want  string
	}{
		{"401", map[string]string{"GITHUB_TOKEN": wrong}, wrong, "the token is missing, wrong or expired"},
		{"404", map[string]string{"GITHUB_REPOSITORY": "acme/nope"}, secret, "or the token cannot see it"},
		{"network", map[string]string{"GITHUB_API_URL": gone}, secret, "connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := run(t, t.TempDir(), w.vars("schedule", "", tt.vars), "report")
			if got.code == cli.ExitOK || !strings.Contains(got.all(), tt.want) {
				t.Errorf("exit %d; want a failure that says %q:\n%s", got.code, tt.want, got.all())
			}
			if l := leaks(got, tt.token); len(l) > 0 {
				t.Errorf("leaks %v:\n%s", l, got.all())
			}
		})
	}
	if l := wireLeaks(w.rec.exchanges(), secret); len(l) > 0 {
		t.Errorf("the token went over the wire outside its header: %v", l)
	}
}
