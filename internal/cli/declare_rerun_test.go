package cli

import (
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestDeclareRerunOtherInputsWarns declares twice under one run id, as act or a replayed run id
// does, with other inputs the second time: the second run declares a new incident and says why in
// a warning annotation and in its job summary; the same inputs again find that incident.
func TestDeclareRerunOtherInputsWarns(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	declare := func(title, severity string) result {
		dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo, "sender": map[string]any{"login": "alice"},
			"inputs": map[string]any{"title": title, "severity": severity}})
		got := run(t, t.TempDir(), incidentVars(t, s, "workflow_dispatch", dispatch, ""), "run")
		if got.code != ExitOK {
			t.Fatalf("declare %q: exit %d\nstdout:\n%s\nstderr:\n%s", title, got.code, got.stdout, got.stderr)
		}
		return got
	}
	declare("Checkout fails", "P1")
	other := declare("Search is slow", "P2")
	warning := "run 4242 already declared incident #1 ([P1] Checkout fails) with other inputs; these inputs ([P2] Search is slow) differ, so this is a new incident, #2"
	containsAll(t, "the second run's log", other.stdout, []string{"::warning::" + warning})
	containsAll(t, "the second run's summary", other.summary, []string{"### Incident [#2](", ") declared", "> [!WARNING]", warning})
	again := declare("Search is slow", "P2")
	containsAll(t, "the rerun's summary", again.summary, []string{"### Incident [#2](", "found again (a rerun)"})
}
