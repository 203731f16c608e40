package cli

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// labeledPayload is the pull_request event for label applied to PR number, as it is now.
func labeledPayload(t *testing.T, s *sandboxtest.Sandbox, number int, label string) string {
	t.Helper()
	return withAction(t, pullPayload(t, s, number, false), "labeled", map[string]any{"name": label})
}

// withAction rewrites the event file at path with action and, when not nil, its label.
func withAction(t *testing.T, path, action string, label map[string]any) string {
	t.Helper()
	var payload map[string]any
	readJSON(t, path, &payload)
	payload["action"] = action
	if label != nil {
		payload["label"] = label
	}
	data, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestGuardOverrideBindsToTheCommit: a writer's override label covers the head it was applied
// to; a later push, here of 5,000 lines, a workflow and a migration, is guarded without it and the
// comment says the override lapsed and why; applying the label again covers the new head.
func TestGuardOverrideBindsToTheCommit(t *testing.T) {
	t.Parallel()
	s, head := guardSandbox(t, 15)
	n := openHotfixPR(t, s)
	s.Server.SetCollaborator("alice", "write")
	if err := s.Server.LabelAs(n, "hotfix-override", "alice"); err != nil {
		t.Fatal(err)
	}
	first := run(t, t.TempDir(), guardVars(t, s, "pull_request", labeledPayload(t, s, n, "hotfix-override")), "run")
	if first.code != ExitOK || output(first.outputs, "verdict") != "pass (overridden)" {
		t.Fatalf("the labeled run: exit %d, verdict %q; want the override\n%s", first.code, output(first.outputs, "verdict"), first.stdout)
	}
	pushed := s.Push("hotfix/x", map[string]string{"big.txt": gittest.Lines("big", 5000),
		".github/workflows/deploy.yml": "on: push\n", "db/migrations/001.sql": "DROP TABLE users;\n"})
	later := run(t, t.TempDir(), guardVars(t, s, "pull_request", withAction(t, pullPayload(t, s, n, false), "synchronize", nil)), "run")
	if later.code != ExitFailed || output(later.outputs, "verdict") != "fail" {
		t.Fatalf("the push after the label: exit %d, verdict %q; want fail\n%s", later.code, output(later.outputs, "verdict"), later.stdout)
	}
	comments := guardComments(t, s, n)
	if len(comments) != 1 {
		t.Fatalf("%d guard comments, want 1", len(comments))
	}
	containsAll(t, "comment", comments[0].GetBody(), []string{"**Override lapsed.** The label `hotfix-override` was applied by @alice",
		"for commit `" + head[:12] + "`; the head is now `" + pushed[:12] + "`, pushed since", "the failures stand"})
	if st := guardStatuses(t, s, pushed); len(st) != 1 || st[0].GetState() != "failure" {
		t.Errorf("statuses on the new head %v, want one failure", st)
	}
	ctx := context.Background()
	if _, err := s.Client.Issues.RemoveLabelForIssue(ctx, sandboxtest.Owner, sandboxtest.Name, n, "hotfix-override"); err != nil {
		t.Fatal(err)
	}
	if err := s.Server.LabelAs(n, "hotfix-override", "alice"); err != nil {
		t.Fatal(err)
	}
	again := run(t, t.TempDir(), guardVars(t, s, "pull_request", labeledPayload(t, s, n, "hotfix-override")), "run")
	if again.code != ExitOK || !strings.Contains(guardComments(t, s, n)[0].GetBody(), "**Overridden.**") {
		t.Errorf("the label applied again: exit %d; want the new head overridden\n%s", again.code, again.stdout)
	}
}

// TestGuardOverrideWithoutARecordedCommit: a label seen first by a run of another event (its own
// labeled run never ran) covers no commit, since nothing says which one it was given for.
func TestGuardOverrideWithoutARecordedCommit(t *testing.T) {
	t.Parallel()
	s, _ := guardSandbox(t, 15)
	n := openHotfixPR(t, s)
	s.Server.SetCollaborator("alice", "write")
	if err := s.Server.LabelAs(n, "hotfix-override", "alice"); err != nil {
		t.Fatal(err)
	}
	got := run(t, t.TempDir(), guardVars(t, s, "pull_request", withAction(t, pullPayload(t, s, n, false), "synchronize", nil)), "run")
	if got.code != ExitFailed {
		t.Fatalf("exit %d, want %d\n%s", got.code, ExitFailed, got.stdout)
	}
	containsAll(t, "comment", guardComments(t, s, n)[0].GetBody(), []string{"**Override lapsed.**", "no guard run recorded which commit it was given for"})
}

// TestGuardOverrideRacingPush: a push lands between the label and its labeled run, whose payload
// still names the old head: the run judges the new head, which the label was not applied to.
func TestGuardOverrideRacingPush(t *testing.T) {
	t.Parallel()
	s, _ := guardSandbox(t, 15)
	n := openHotfixPR(t, s)
	s.Server.SetCollaborator("alice", "write")
	if err := s.Server.LabelAs(n, "hotfix-override", "alice"); err != nil {
		t.Fatal(err)
	}
	labeled := labeledPayload(t, s, n, "hotfix-override") // the event as GitHub sent it, at the old head
	pushed := s.Push("hotfix/x", map[string]string{"big.txt": gittest.Lines("big", 5000)})
	got := run(t, t.TempDir(), guardVars(t, s, "pull_request", labeled), "run")
	if got.code != ExitFailed {
		t.Fatalf("exit %d, want %d: the push after the label is not covered\n%s", got.code, ExitFailed, got.stdout)
	}
	if st := guardStatuses(t, s, pushed); len(st) != 1 || st[0].GetState() != "failure" {
		t.Errorf("statuses on the pushed head %v, want one failure", st)
	}
}
