package cli

import (
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestIncidentRoutesWriteSummaries runs declare (with the default GITHUB_TOKEN and a branch), a
// command, a refused command and remind through `hotfix run`: each writes a job summary, and
// declare warns that the branch it cut starts no workflow.
func TestIncidentRoutesWriteSummaries(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Tokens: []string{"actions=workflow-token"}})
	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo, "sender": map[string]any{"login": "alice"},
		"inputs": map[string]any{"title": "Checkout fails", "severity": "P1", "create_branch": true}})
	vars := incidentVars(t, s, "workflow_dispatch", dispatch, "")
	vars["GITHUB_TOKEN"] = "workflow-token"
	got := run(t, t.TempDir(), vars, "run")
	if got.code != ExitOK {
		t.Fatalf("declare: exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	warning := "hotfix/checkout-fails was cut with the default GITHUB_TOKEN, so its creation starts no workflow"
	containsAll(t, "declare's summary", got.summary, []string{"### Incident [#1](", ") declared", "| Severity | P1 |", "| Response target | < 1 h |", "| Commander | @alice |",
		"| Branch | `hotfix/checkout-fails` |", "> [!WARNING]", warning})
	containsAll(t, "declare's log", got.stdout, []string{"::warning::" + warning})

	for body, want := range map[string]string{
		"/status identified bad config": "): applied status\n",
		"/severity P9":                  "): invalid: ",
	} {
		got := run(t, t.TempDir(), incidentVars(t, s, "issue_comment", commentEvent(t, s, 1, body), ""), "run")
		if got.code != ExitOK {
			t.Fatalf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", body, got.code, got.stdout, got.stderr)
		}
		containsAll(t, body+" summary", got.summary, []string{"### Incident [#1](", want})
	}
	remind := run(t, t.TempDir(), incidentVars(t, s, "schedule", writeEvent(t, map[string]any{"schedule": "*/15 * * * *", "repository": sandboxRepo}), ""), "run")
	if remind.code != ExitOK {
		t.Fatalf("remind: exit %d\nstdout:\n%s\nstderr:\n%s", remind.code, remind.stdout, remind.stderr)
	}
	containsAll(t, "remind's summary", remind.summary, []string{"### Reminders\n\n- ", "posted\n"})
}
