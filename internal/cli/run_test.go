package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// payloadDir holds the real webhook payloads that internal/event's generator writes.
const payloadDir = "../event/testdata/webhooks"

// eventVars is the runner environment for the payload file of an event.
func eventVars(t *testing.T, name, file string) map[string]string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(payloadDir, file))
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": path,
		"GITHUB_REPOSITORY": "Codertocat/Hello-World", "GITHUB_ACTOR": "Codertocat",
	}
}

func TestRunRoutes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, event, file string
		args              []string
		code              int
		stdout, stderr    []string
	}{
		{"unmerged PR is a no-op", "pull_request", "pull_request.closed.json", nil, ExitOK,
			[]string{"event: pull_request on Codertocat/Hello-World", "route: none: pull_request closed without merge: nothing to do"}, nil},
		{"unhandled event is a no-op", "push", "push.tag-deleted.json", nil, ExitOK,
			[]string{`route: none: push to "refs/tags/simple-tag", not a branch: nothing to do`}, nil},
		{"merged hotfix, dry run", "pull_request", "pull_request.closed.merged-hotfix.json", []string{"--dry-run"}, ExitOK,
			[]string{"route: merge: hotfix pull_request #2", "running hotfix release, backport, postmortem\nwould tag 9f1c2e3d4b5a, open the backports and the postmortem for #2\n"}, nil},
		{"merged hotfix without a token", "pull_request", "pull_request.closed.merged-hotfix.json", nil, ExitUsage,
			[]string{"route: merge"}, []string{"hotfix run: no GitHub token: set the token input, or GITHUB_TOKEN"}},
		{"incident command, dry run", "issue_comment", "issue_comment.created.incident.json", []string{"--dry-run"}, ExitOK,
			[]string{`route: update: command "/status" on incident #1`, "would run hotfix incident update"}, nil},
		{"declare, dry run", "workflow_dispatch", "workflow_dispatch.declare.json", []string{"--dry-run"}, ExitOK,
			[]string{"would run hotfix incident declare"}, nil},
		{"action item, dry run", "issues", "issues.closed.action-item.json", []string{"--dry-run"}, ExitOK,
			[]string{"would run hotfix action-items sync"}, nil},
		{"schedule, dry run", "schedule", "schedule.json", []string{"--dry-run"}, ExitOK,
			[]string{"would run hotfix remind"}, nil},
		{"no checkout routes with the defaults", "schedule", "schedule.json", []string{"--dry-run"}, ExitOK,
			[]string{"policy: defaults for routing (no policy source for \"master\": not a git repository"}, nil},
		{"missing payload", "push", "nope.json", nil, ExitUsage,
			nil, []string{"hotfix run: event payload", "nope.json for event push", "no such file"}},
		{"payload of the wrong event", "push", "../../../cli/run.go", nil, ExitUsage,
			nil, []string{"run.go for event push: not a JSON object"}},
		{"stray argument", "push", "push.json", []string{"now"}, ExitUsage,
			nil, []string{`unexpected argument "now"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := run(t, t.TempDir(), eventVars(t, tt.event, tt.file), append([]string{"run"}, tt.args...)...)
			if got.code != tt.code {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", got.code, tt.code, got.stdout, got.stderr)
			}
			containsAll(t, "stdout", got.stdout, tt.stdout)
			containsAll(t, "stderr", got.stderr, tt.stderr)
		})
	}
}

func TestRunWithoutEventName(t *testing.T) {
	t.Parallel()
	got := run(t, t.TempDir(), map[string]string{"GITHUB_EVENT_PATH": "event.json"}, "run")
	if got.code != ExitUsage || !strings.Contains(got.stderr, "GITHUB_EVENT_NAME is not set") {
		t.Errorf("exit %d, stderr %q; want 2 naming GITHUB_EVENT_NAME", got.code, got.stderr)
	}
}

// TestRunGuardsHotfixPush runs the guard on a real checkout for a push to a hotfix branch. The
// payload is the generated push.hotfix.json with its "after" commit replaced by the branch's real
// head, since the example's commit does not exist here.
func TestRunGuardsHotfixPush(t *testing.T) {
	t.Parallel()
	tests := []struct {
		changed int
		code    int
		verdict string
	}{
		{3, ExitOK, "PASS"},
		{150, ExitFailed, "FAIL"},
	}
	for _, tt := range tests {
		t.Run(tt.verdict, func(t *testing.T) {
			t.Parallel()
			r := hotfixRepo(t, tt.changed)
			r.Git("update-ref", "refs/remotes/origin/main", "main")
			vars := pushPayload(t, r.Git("rev-parse", "HEAD"))
			got := run(t, r.Dir, vars, "run")
			if got.code != tt.code {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", got.code, tt.code, got.stdout, got.stderr)
			}
			containsAll(t, "stdout", got.stdout, []string{`route: guard: push to hotfix branch "hotfix/x"`, "running hotfix guard", tt.verdict})
		})
	}
}

// pushPayload writes push.hotfix.json with its pushed commit replaced by head, and returns the
// runner environment for it.
func pushPayload(t *testing.T, head string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(payloadDir, "push.hotfix.json"))
	if err != nil {
		t.Fatal(err)
	}
	const exampleHead = "6113728f27ae82c7b1a177c8d03f9e96e0adf246"
	if !bytes.Contains(data, []byte(exampleHead)) {
		t.Fatalf("push.hotfix.json no longer pushes %s", exampleHead)
	}
	path := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(path, bytes.ReplaceAll(data, []byte(exampleHead), []byte(head)), 0o644); err != nil {
		t.Fatal(err)
	}
	vars := eventVars(t, "push", "push.hotfix.json")
	vars["GITHUB_EVENT_PATH"] = path
	return vars
}

// containsAll fails for each fragment that text lacks.
func containsAll(t *testing.T, what, text string, fragments []string) {
	t.Helper()
	for _, f := range fragments {
		if !strings.Contains(text, f) {
			t.Errorf("%s lacks %q:\n%s", what, f, text)
		}
	}
}
