package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// writeEvent writes payload as an event file and returns its path.
func writeEvent(t *testing.T, payload any) string {
	t.Helper()
	data, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var sandboxRepo = map[string]any{"name": sandboxtest.Name, "full_name": sandboxtest.Owner + "/" + sandboxtest.Name, "owner": map[string]any{"login": sandboxtest.Owner}}

// incidentVars is the runner environment for an event against the sandbox, with a webhook.
func incidentVars(t *testing.T, s *sandboxtest.Sandbox, name, path, hook string) map[string]string {
	return actionVars(t, map[string]string{
		"GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": path, "GITHUB_REPOSITORY": "acme/shop", "GITHUB_RUN_ID": "4242",
		"GITHUB_ACTOR": "alice", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token, "INPUT_NOTIFY_WEBHOOK": hook,
	})
}

// commentEvent posts body on issue number and returns the issue_comment event file for it.
func commentEvent(t *testing.T, s *sandboxtest.Sandbox, number int, body string) string {
	t.Helper()
	cm, _, err := s.Client.Issues.CreateComment(context.Background(), sandboxtest.Owner, sandboxtest.Name, number, &github.IssueComment{Body: &body})
	if err != nil {
		t.Fatal(err)
	}
	issue, _, err := s.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		t.Fatal(err)
	}
	return writeEvent(t, map[string]any{"action": "created", "issue": issue, "comment": cm, "repository": sandboxRepo, "sender": cm.User})
}

// TestIncidentEndToEnd declares a P1 with a branch, then /status, /mitigated hotfix and /resolve,
// all through `hotfix run`; the postmortem shows the true timeline. The webhook always fails: the
// commands still succeed, with a warning.
func TestIncidentEndToEnd(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	var hits atomic.Int32
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1); w.WriteHeader(http.StatusBadGateway) }))
	t.Cleanup(hook.Close)
	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo, "sender": map[string]any{"login": "alice"},
		"inputs": map[string]any{"title": "Checkout fails | @acme/web", "severity": "P1", "service": "checkout", "impact": "EU users can't pay",
			"impact_started": "2026-01-02T02:30:00Z", "create_branch": true}})
	got := run(t, t.TempDir(), incidentVars(t, s, "workflow_dispatch", dispatch, hook.URL+"/secret"), "run")
	if got.code != ExitOK || !strings.Contains(got.stdout, "incident #1") || !strings.Contains(got.stdout, "::warning::notification not delivered") {
		t.Fatalf("declare: exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	if strings.Count(got.stdout, "/secret") != 1 { // only in the ::add-mask:: command
		t.Errorf("the webhook URL was printed:\n%s", got.stdout)
	}
	if sha := s.Git("rev-parse", "hotfix/checkout-fails-acme-web"); sha != s.Git("rev-parse", "main") {
		t.Errorf("hotfix branch at %s, want main's head", sha)
	}
	for _, body := range []string{"/status identified eta 30m bad config", "/mitigated hotfix PR merged", "/resolve error rate normal"} {
		got := run(t, t.TempDir(), incidentVars(t, s, "issue_comment", commentEvent(t, s, 1, body), hook.URL), "run")
		if got.code != ExitOK || !strings.Contains(got.stdout, "incident #1: applied") {
			t.Fatalf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", body, got.code, got.stdout, got.stderr)
		}
	}
	if n := hits.Load(); n != 12 {
		t.Errorf("webhook deliveries = %d, want 3 tries for each of the alert, two updates and the resolution", n)
	}
	is, _, err := s.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, 1)
	if err != nil || is.GetState() != "closed" || !strings.Contains(is.GetBody(), "| Status | Resolved |") {
		t.Errorf("incident: %v, state %s, body:\n%s", err, is.GetState(), is.GetBody())
	}
	r, err := incident.Load(context.Background(), s.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, 1, "sandbox-bot")
	if err != nil || len(r.Links) != 1 || r.Links[0].Kind != "postmortem" {
		t.Fatalf("record links = %+v, %v; want the postmortem", r.Links, err)
	}
	pm, _, err := s.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, r.Links[0].Number)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!-- hotfix:postmortem incident=1 -->", "| **Incident** | #1 |", "Impact started", "Incident declared",
		"Status: identified: bad config", "Mitigated", "Resolved", "from impact start (2026-01-02 02:30 UTC) to resolved"} {
		if !strings.Contains(pm.GetBody(), want) {
			t.Errorf("postmortem lacks %q:\n%s", want, pm.GetBody())
		}
	}
}

func TestIncidentUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"incident"}, {"incident", "close"}, {"incident", "declare", "update"}} {
		got := run(t, t.TempDir(), map[string]string{}, args...)
		if got.code != ExitUsage || !strings.Contains(got.stderr, "valid subcommands: declare, update") {
			t.Errorf("hotfix %v: exit %d, stderr %q; want 2 and the valid subcommands", args, got.code, got.stderr)
		}
	}
}

// TestIncidentDeclareBadInputs refuses bad inputs before writing anything, naming each one.
func TestIncidentDeclareBadInputs(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo,
		"inputs": map[string]any{"title": "x", "severity": "P9", "impact_started": "yesterday", "create_branch": "maybe"}})
	got := run(t, t.TempDir(), incidentVars(t, s, "workflow_dispatch", dispatch, ""), "incident", "declare")
	if got.code != ExitUsage || !strings.Contains(got.stdout+got.stderr, `impact_started "yesterday" is not an RFC 3339 time`) {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	if issues, _, _ := s.Client.Issues.ListByRepo(context.Background(), sandboxtest.Owner, sandboxtest.Name, nil); len(issues) != 0 {
		t.Errorf("bad inputs opened %d issues", len(issues))
	}
}
