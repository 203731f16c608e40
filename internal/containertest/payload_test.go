//go:build e2e

package containertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-github/v60/github"
)

// webhooks holds GitHub's webhook examples (internal/event/testdata/webhooks/README.md).
var webhooks = filepath.Join(root, "internal", "event", "testdata", "webhooks")

// example reads GitHub's webhook example name into its typed event.
func example[E any](t *testing.T, name string) *E {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(webhooks, name))
	must(t, err)
	e := new(E)
	if err := json.Unmarshal(raw, e); err != nil {
		t.Fatalf("read the webhook example %s: %v", name, err)
	}
	return e
}

// encode writes an event as the payload file's JSON.
func encode(t *testing.T, e any) []byte {
	t.Helper()
	raw, err := json.Marshal(e)
	must(t, err)
	return raw
}

// pushPayload is the example of a push that creates a hotfix branch, for branch at sha in repo.
func pushPayload(t *testing.T, repo *github.Repository, branch, sha string) []byte {
	t.Helper()
	e := example[github.PushEvent](t, "push.hotfix.json")
	e.Ref, e.After = github.String("refs/heads/"+branch), github.String(sha)
	e.HeadCommit.ID = github.String(sha)
	e.Repo.Name, e.Repo.FullName, e.Repo.Owner = repo.Name, repo.FullName, repo.Owner
	e.Repo.DefaultBranch, e.Repo.MasterBranch = repo.DefaultBranch, repo.DefaultBranch
	return encode(t, e)
}

// openedPayload is the example of a hotfix pull request opened, carrying pr as the sandbox has it.
func openedPayload(t *testing.T, repo *github.Repository, pr *github.PullRequest) []byte {
	t.Helper()
	e := example[github.PullRequestEvent](t, "pull_request.opened.hotfix.json")
	e.Number, e.PullRequest, e.Repo, e.Sender = pr.Number, pr, repo, pr.User
	return encode(t, e)
}

// mergedPayload is the example of a merged hotfix pull request, carrying pr as the sandbox has it.
func mergedPayload(t *testing.T, repo *github.Repository, pr *github.PullRequest) []byte {
	t.Helper()
	e := example[github.PullRequestEvent](t, "pull_request.closed.merged-hotfix.json")
	e.Number, e.PullRequest, e.Repo, e.Sender = pr.Number, pr, repo, pr.User
	return encode(t, e)
}

// dispatchPayload is the example of a dispatch with declare's inputs, run on main by sender.
func dispatchPayload(t *testing.T, repo *github.Repository, sender *github.User) []byte {
	t.Helper()
	e := example[github.WorkflowDispatchEvent](t, "workflow_dispatch.declare.json")
	e.Ref, e.Workflow = github.String("refs/heads/main"), github.String(".github/workflows/incident.yml")
	e.Repo, e.Sender = repo, sender
	return encode(t, e)
}

// commentPayload is the example of a command comment on an incident, carrying issue and comment.
func commentPayload(t *testing.T, repo *github.Repository, issue *github.Issue, comment *github.IssueComment) []byte {
	t.Helper()
	e := example[github.IssueCommentEvent](t, "issue_comment.created.incident.json")
	e.Issue, e.Comment, e.Repo, e.Sender = issue, comment, repo, comment.User
	return encode(t, e)
}
