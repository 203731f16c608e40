package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"
	"github.com/incident-hotfix/incident-hotfix/internal/prguard"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// basePolicy is the policy on main in these tests: at most 20 changed lines.
const basePolicy = "guard:\n  max_lines: 20\n"

// guardSandbox starts a sandbox whose main holds basePolicy and src/svc.go, and pushes
// hotfix/x replacing n of its lines (2n changed lines), with the sandbox's clock fixed. It
// returns the head commit.
func guardSandbox(t *testing.T, n int) (*sandboxtest.Sandbox, string) {
	t.Helper()
	clock := func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: clock})
	s.Push("main", map[string]string{".github/hotfix.yml": basePolicy, "src/svc.go": gittest.Lines("svc", 100)})
	return s, s.Push("hotfix/x", svcChange(n))
}

// svcChange replaces the last n lines of src/svc.go.
func svcChange(n int) map[string]string {
	return map[string]string{"src/svc.go": gittest.Lines("svc", 100-n) + gittest.Lines("fix", n)}
}

// openHotfixPR opens the pull request from hotfix/x into main and returns its number.
func openHotfixPR(t *testing.T, s *sandboxtest.Sandbox) int {
	t.Helper()
	pr, _, err := s.Client.PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: github.String("Fix the login timeout"), Head: github.String("hotfix/x"), Base: github.String("main")})
	if err != nil {
		t.Fatal(err)
	}
	return pr.GetNumber()
}

// guardVars is the runner environment of the action on the sandbox for an event payload.
func guardVars(t *testing.T, s *sandboxtest.Sandbox, name, payload string) map[string]string {
	return actionVars(t, map[string]string{
		"GITHUB_EVENT_NAME": name, "GITHUB_EVENT_PATH": payload,
		"GITHUB_REPOSITORY": sandboxtest.Owner + "/" + sandboxtest.Name, "GITHUB_API_URL": s.URL,
		"GITHUB_TOKEN": sandboxtest.Token, "GITHUB_SERVER_URL": "https://github.example", "GITHUB_RUN_ID": "42",
	})
}

// pullPayload writes GitHub's pull_request.opened example for a hotfix with its pull request
// and repository replaced by the sandbox's pull request number, as it is now; fork moves its
// head to another repository.
func pullPayload(t *testing.T, s *sandboxtest.Sandbox, number int, fork bool) string {
	t.Helper()
	pr, _, err := s.Client.PullRequests.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		t.Fatal(err)
	}
	var payload, prMap map[string]any
	readJSON(t, filepath.Join(payloadDir, "pull_request.opened.hotfix.json"), &payload)
	remarshal(t, pr, &prMap)
	if fork {
		prMap["head"].(map[string]any)["repo"] = map[string]any{"full_name": "mallory/shop", "name": "shop"}
	}
	payload["pull_request"], payload["number"] = prMap, number
	repo := payload["repository"].(map[string]any)
	repo["name"], repo["full_name"] = sandboxtest.Name, sandboxtest.Owner+"/"+sandboxtest.Name
	repo["owner"].(map[string]any)["login"] = sandboxtest.Owner
	return writePayload(t, payload)
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

func remarshal(t *testing.T, in, out any) {
	t.Helper()
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatal(err)
	}
}

func writePayload(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "event.json")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// output reads one output from the GITHUB_OUTPUT file's "name<<DELIM\nvalue\nDELIM" records.
func output(outputs, name string) string {
	_, rest, ok := strings.Cut(outputs, name+"<<")
	if !ok {
		return ""
	}
	delim, rest, _ := strings.Cut(rest, "\n")
	value, _, _ := strings.Cut(rest, "\n"+delim)
	return value
}

// guardStatuses lists the hotfix/guard statuses on sha, newest first.
func guardStatuses(t *testing.T, s *sandboxtest.Sandbox, sha string) []*github.RepoStatus {
	t.Helper()
	all, _, err := s.Client.Repositories.ListStatuses(context.Background(), sandboxtest.Owner, sandboxtest.Name, sha, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []*github.RepoStatus
	for _, st := range all {
		if st.GetContext() == prguard.Context {
			out = append(out, st)
		}
	}
	return out
}

// guardComments lists the pull request's comments that carry the guard's marker.
func guardComments(t *testing.T, s *sandboxtest.Sandbox, number int) []*github.IssueComment {
	t.Helper()
	all, _, err := s.Client.Issues.ListComments(context.Background(), sandboxtest.Owner, sandboxtest.Name, number, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []*github.IssueComment
	for _, c := range all {
		if strings.Contains(c.GetBody(), prguard.Marker) {
			out = append(out, c)
		}
	}
	return out
}

func TestGuardOnGitHubPush(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                   string
		n, code                int
		verdict, state, reason string
	}{
		{"pass", 3, ExitOK, "pass", "success", "PASS: 1 file, 6 lines"},
		{"fail", 15, ExitFailed, "fail", "failure", "FAIL: 1 error (max-lines); 1 file, 30 lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s, head := guardSandbox(t, tt.n)
			push := pushPayload(t, head)
			got := run(t, t.TempDir(), guardVars(t, s, "push", push["GITHUB_EVENT_PATH"]), "run")
			if got.code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", got.code, tt.code, got.stdout, got.stderr)
			}
			containsAll(t, "stdout", got.stdout, []string{"policy: .github/hotfix.yml on main", "commit status hotfix/guard on " + head[:12] + " set to " + tt.state})
			if v := output(got.outputs, "verdict"); v != tt.verdict {
				t.Errorf("verdict output %q, want %q", v, tt.verdict)
			}
			statuses := guardStatuses(t, s, head)
			if len(statuses) != 1 {
				t.Fatalf("%d hotfix/guard statuses, want 1", len(statuses))
			}
			st := statuses[0]
			gotStatus := []string{st.GetState(), st.GetDescription(), st.GetTargetURL()}
			wantStatus := []string{tt.state, tt.reason, "https://github.example/acme/shop/actions/runs/42"}
			if diff := cmp.Diff(gotStatus, wantStatus); diff != "" {
				t.Errorf("status (-got +want):\n%s", diff)
			}
		})
	}
}

func TestGuardOnGitHubPullRequest(t *testing.T) {
	t.Parallel()
	s, head := guardSandbox(t, 3)
	n := openHotfixPR(t, s)
	s.Server.ResetRequests()
	got := run(t, t.TempDir(), guardVars(t, s, "pull_request", pullPayload(t, s, n, false)), "run")
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	// policy, PR, files, commits, combined status, status, viewer, PR again (has the head moved on
	// since?), comments, comment, comments again (did a concurrent run write one first?)
	if r := s.Requests(); r != 11+1 { // +1: the payload's PR read by the test
		t.Errorf("%d requests, want 12: %v", r, s.Server.Requests())
	}
	containsAll(t, "stdout", got.stdout, []string{"PR comment created", "set to success"})

	s.Server.ResetRequests()
	again := run(t, t.TempDir(), guardVars(t, s, "pull_request", pullPayload(t, s, n, false)), "run")
	containsAll(t, "rerun stdout", again.stdout, []string{"PR comment up to date", "already success"})
	if r := s.Requests(); r != 8+1 {
		t.Errorf("rerun: %d requests, want 9 (no writes): %v", r, s.Server.Requests())
	}
	if c := guardComments(t, s, n); len(c) != 1 {
		t.Fatalf("%d guard comments after a rerun, want 1", len(c))
	}
	if st := guardStatuses(t, s, head); len(st) != 1 {
		t.Errorf("%d statuses after a rerun, want 1", len(st))
	}

	failHead := s.Push("hotfix/x", svcChange(15))
	failed := run(t, t.TempDir(), guardVars(t, s, "pull_request", pullPayload(t, s, n, false)), "run")
	if failed.code != ExitFailed {
		t.Fatalf("after a larger push: exit %d, want 1\n%s", failed.code, failed.stdout)
	}
	comments := guardComments(t, s, n)
	if len(comments) != 1 || !strings.Contains(failed.stdout, "PR comment updated") {
		t.Fatalf("%d guard comments after the update, want 1 edited in place\n%s", len(comments), failed.stdout)
	}
	golden.Check(t, "guard_comment_fail.golden", comments[0].GetBody())
	if st := guardStatuses(t, s, failHead); len(st) != 1 || st[0].GetState() != "failure" {
		t.Errorf("statuses on the new head: %v", st)
	}
}

// TestGuardOnGitHubMatchesLocal checks that the guard on GitHub counts what the local guard
// counts on the same repository, for several shapes of change.
func TestGuardOnGitHubMatchesLocal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		files map[string]string
	}{
		{"add", map[string]string{"src/new.go": gittest.Lines("new", 8)}},
		{"modify", svcChange(4)},
		{"delete", map[string]string{"src/svc.go": ""}},
		{"rename", map[string]string{"src/svc.go": "", "src/service.go": gittest.Lines("svc", 99) + "fix\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			s.Push("main", map[string]string{".github/hotfix.yml": basePolicy, "src/svc.go": gittest.Lines("svc", 100)})
			s.Push("hotfix/x", tt.files)
			n := openHotfixPR(t, s)
			api := run(t, t.TempDir(), guardVars(t, s, "pull_request", pullPayload(t, s, n, false)), "run")
			local := run(t, t.TempDir(), actionVars(t, nil), "guard", "--repo", s.Dir, "--base", "main", "--head", "hotfix/x")
			for _, name := range []string{"verdict", "changed_files", "changed_lines"} {
				if a, l := output(api.outputs, name), output(local.outputs, name); a != l || a == "" {
					t.Errorf("%s: %q on GitHub, %q locally", name, a, l)
				}
			}
			if api.code != local.code {
				t.Errorf("exit %d on GitHub, %d locally\n%s\n%s", api.code, local.code, api.stdout, local.stdout)
			}
		})
	}
}
