// Package bench holds the benchmarks and request-count tests behind BENCHMARKS.md. It has test
// files only: every figure comes from `go test` (see scripts/bench.sh), and each benchmark
// measures the toolkit against a baseline in the same run.
package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

var ctx = context.Background()

// repoName is the sandbox repository as GITHUB_REPOSITORY names it.
const repoName = sandboxtest.Owner + "/" + sandboxtest.Name

// outcome is what one run of the binary left behind.
type outcome struct {
	code           int
	stdout, stderr string
	routes         map[string]int // the API requests the run made, by route
	took           time.Duration
}

// hotfix runs `hotfix args…` as the container action would, for an event on the sandbox, and
// counts the requests it made. event is "" for a command run outside `hotfix run`.
func hotfix(tb testing.TB, s *sandboxtest.Sandbox, event string, payload any, args ...string) outcome {
	tb.Helper()
	dir := tb.TempDir()
	vars := map[string]string{
		"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": filepath.Join(dir, "output"), "GITHUB_STEP_SUMMARY": filepath.Join(dir, "summary"),
		"GITHUB_REPOSITORY": repoName, "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token,
		"GITHUB_ACTOR": "alice", "GITHUB_RUN_ID": "4242", "GITHUB_SERVER_URL": "https://github.example",
	}
	if event != "" {
		vars["GITHUB_EVENT_NAME"], vars["GITHUB_EVENT_PATH"] = event, writeJSON(tb, dir, payload)
	}
	var stdout, stderr bytes.Buffer
	env := &cli.Env{Getenv: cli.MapEnv(vars), Stdout: &stdout, Stderr: &stderr, Dir: dir, Now: time.Now}
	s.Server.ResetRequests()
	start := time.Now()
	code := cli.Main(ctx, args, env)
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String(), routes: s.Server.Requests(), took: time.Since(start)}
}

// mustRun is hotfix for a run that has to exit 0.
func mustRun(tb testing.TB, s *sandboxtest.Sandbox, event string, payload any, args ...string) outcome {
	tb.Helper()
	out := hotfix(tb, s, event, payload, args...)
	if out.code != cli.ExitOK {
		tb.Fatalf("hotfix %v on %s: exit %d\nstdout:\n%s\nstderr:\n%s", args, event, out.code, out.stdout, out.stderr)
	}
	return out
}

// writeJSON writes v as event.json in dir and returns its path.
func writeJSON(tb testing.TB, dir string, v any) string {
	tb.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "event.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// repository is the sandbox repository as a payload names it.
func repository() *github.Repository {
	return &github.Repository{Name: github.String(sandboxtest.Name), FullName: github.String(repoName),
		Owner: &github.User{Login: github.String(sandboxtest.Owner)}, DefaultBranch: github.String("main")}
}

// declarePayload is the workflow_dispatch event that declares a P1 incident.
func declarePayload(tb testing.TB, createBranch bool) *github.WorkflowDispatchEvent {
	tb.Helper()
	inputs, err := json.Marshal(map[string]any{"title": "Checkout fails", "severity": "P1", "service": "checkout",
		"impact": "EU users can't pay", "create_branch": createBranch})
	if err != nil {
		tb.Fatal(err)
	}
	return &github.WorkflowDispatchEvent{Ref: github.String("refs/heads/main"), Inputs: inputs, Repo: repository(),
		Sender: &github.User{Login: github.String("alice")}}
}

// comment posts body on issue number as the sandbox's own user and returns the issue_comment
// event for it.
func comment(tb testing.TB, s *sandboxtest.Sandbox, number int, body string) *github.IssueCommentEvent {
	tb.Helper()
	cm, _, err := s.Client.Issues.CreateComment(ctx, sandboxtest.Owner, sandboxtest.Name, number, &github.IssueComment{Body: &body})
	if err != nil {
		tb.Fatal(err)
	}
	is, _, err := s.Client.Issues.Get(ctx, sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		tb.Fatal(err)
	}
	return &github.IssueCommentEvent{Action: github.String("created"), Issue: is, Comment: cm, Repo: repository(), Sender: cm.User}
}

// pushPayload is the push event of branch to sha.
func pushPayload(branch, before, sha string) *github.PushEvent {
	return &github.PushEvent{Ref: github.String("refs/heads/" + branch), Before: github.String(before), After: github.String(sha),
		Repo: &github.PushEventRepository{Name: github.String(sandboxtest.Name), FullName: github.String(repoName),
			Owner: &github.User{Login: github.String(sandboxtest.Owner)}, DefaultBranch: github.String("main")}}
}

// pullPayload is a pull_request event for pr as it is now.
func pullPayload(tb testing.TB, s *sandboxtest.Sandbox, action string, number int) *github.PullRequestEvent {
	tb.Helper()
	pr, _, err := s.Client.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		tb.Fatal(err)
	}
	return &github.PullRequestEvent{Action: github.String(action), Number: github.Int(number), PullRequest: pr, Repo: repository(),
		Sender: &github.User{Login: github.String("alice")}}
}

// issue opens an issue with labels and returns it.
func issue(tb testing.TB, s *sandboxtest.Sandbox, title, body string, labels ...string) *github.Issue {
	tb.Helper()
	is, _, err := s.Client.Issues.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.IssueRequest{Title: &title, Body: &body, Labels: &labels})
	if err != nil {
		tb.Fatal(err)
	}
	return is
}
