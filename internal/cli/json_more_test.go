package cli

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestJSONEveryOtherCommandIsOneDocument runs the --json commands that
// TestJSONWithRunnerAndTokenIsOneDocument and TestJSONStdoutIsOneDocument leave out (incident
// declare and update, backport, postmortem, action-items, verify --dry-run) with a runner
// environment and a token, one after another on one sandbox: stdout is one JSON document with
// no workflow command in it.
func TestJSONEveryOtherCommandIsOneDocument(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo,
		"inputs": map[string]any{"title": "Checkout fails", "severity": "P1"}})
	jsonStep(t, "incident declare", run(t, t.TempDir(), incidentVars(t, s, "workflow_dispatch", dispatch, ""), "incident", "--json", "declare"))
	jsonStep(t, "incident update", run(t, t.TempDir(), incidentVars(t, s, "issue_comment", commentEvent(t, s, 1, "/status identified bad config"), ""), "incident", "--json", "update"))

	pr := strconv.Itoa(sandboxtest.MergedHotfix(t, s, "merge", "").GetNumber())
	vars := actionVars(t, sandboxVars(s))
	jsonStep(t, "backport", run(t, t.TempDir(), vars, "backport", "--pr", pr, "--json"))
	var pm struct{ Postmortem struct{ Number int } }
	if err := json.Unmarshal([]byte(jsonStep(t, "postmortem", run(t, t.TempDir(), vars, "postmortem", "--pr", pr, "--json"))), &pm); err != nil || pm.Postmortem.Number == 0 {
		t.Fatalf("postmortem --json gives no number (%v)", err)
	}
	items := run(t, t.TempDir(), actionVars(t, sandboxVars(s)), "action-items", "--postmortem", strconv.Itoa(pm.Postmortem.Number), "--ref", "main", "--json", "sync")
	jsonStep(t, "action-items sync", items)
	if !strings.Contains(items.outputs, "all_closed") || !strings.Contains(items.summary, "### Action items") {
		t.Errorf("action-items --json wrote no outputs or summary:\noutputs:\n%s\nsummary:\n%s", items.outputs, items.summary)
	}

	r := gittest.New(t)
	r.Commit("base", map[string]string{"README.md": "shop\n", "go.mod": "module example.com/shop\n"})
	r.Git("checkout", "-q", "-b", "hotfix/fix")
	r.Commit("fix", map[string]string{"README.md": "shop, fixed\n"})
	jsonStep(t, "verify --dry-run", run(t, r.Dir, vars, "verify", "--dry-run", "--base", "main", "--json"))
}

// jsonStep fails unless the command succeeded and its stdout is one JSON document without a
// workflow command; it returns stdout.
func jsonStep(t *testing.T, what string, got result) string {
	t.Helper()
	if got.code != ExitOK {
		t.Fatalf("%s: exit %d\nstdout:\n%s\nstderr:\n%s", what, got.code, got.stdout, got.stderr)
	}
	oneJSONDocument(t, what, got.stdout)
	if strings.Contains(got.stdout, "::") {
		t.Errorf("%s: stdout carries a workflow command:\n%s", what, got.stdout)
	}
	return got.stdout
}
