package acttest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-github/v60/github"
)

// webhooks holds GitHub's webhook examples (internal/event/testdata/webhooks/README.md), as a
// test of a package under internal/ sees it from its own directory.
var webhooks = filepath.Join("..", "event", "testdata", "webhooks")

// example reads GitHub's webhook example name into its typed event.
func example[E any](t testing.TB, name string) *E {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(webhooks, name))
	if err != nil {
		t.Fatal(err)
	}
	e := new(E)
	if err := json.Unmarshal(raw, e); err != nil {
		t.Fatalf("read the webhook example %s: %v", name, err)
	}
	return e
}

// encode writes an event as the payload file's JSON.
func encode(t testing.TB, e any) []byte {
	t.Helper()
	raw, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// PushPayload is the example of a push that creates a hotfix branch, for branch at sha in repo.
func PushPayload(t testing.TB, repo *github.Repository, branch, sha string) []byte {
	t.Helper()
	e := example[github.PushEvent](t, "push.hotfix.json")
	e.Ref, e.After = github.String("refs/heads/"+branch), github.String(sha)
	e.HeadCommit.ID = github.String(sha)
	e.Repo.Name, e.Repo.FullName, e.Repo.Owner = repo.Name, repo.FullName, repo.Owner
	e.Repo.DefaultBranch, e.Repo.MasterBranch = repo.DefaultBranch, repo.DefaultBranch
	return encode(t, e)
}

// OpenedPayload is the example of a hotfix pull request opened, carrying pr as the sandbox has it.
func OpenedPayload(t testing.TB, repo *github.Repository, pr *github.PullRequest) []byte {
	t.Helper()
	e := example[github.PullRequestEvent](t, "pull_request.opened.hotfix.json")
	e.Number, e.PullRequest, e.Repo, e.Sender = pr.Number, pr, repo, pr.User
	return encode(t, e)
}

// MergedPayload is the example of a merged hotfix pull request, carrying pr as the sandbox has it.
func MergedPayload(t testing.TB, repo *github.Repository, pr *github.PullRequest) []byte {
	t.Helper()
	e := example[github.PullRequestEvent](t, "pull_request.closed.merged-hotfix.json")
	e.Number, e.PullRequest, e.Repo, e.Sender = pr.Number, pr, repo, pr.User
	return encode(t, e)
}

// DispatchPayload is the example of a dispatch with declare's inputs, run on main by sender.
func DispatchPayload(t testing.TB, repo *github.Repository, sender *github.User) []byte {
	t.Helper()
	e := example[github.WorkflowDispatchEvent](t, "workflow_dispatch.declare.json")
	e.Ref, e.Workflow = github.String("refs/heads/main"), github.String(".github/workflows/incident.yml")
	e.Repo, e.Sender = repo, sender
	return encode(t, e)
}

// CommentPayload is the example of a command comment on an incident, carrying issue and comment.
func CommentPayload(t testing.TB, repo *github.Repository, issue *github.Issue, comment *github.IssueComment) []byte {
	t.Helper()
	e := example[github.IssueCommentEvent](t, "issue_comment.created.incident.json")
	e.Issue, e.Comment, e.Repo, e.Sender = issue, comment, repo, comment.User
	return encode(t, e)
}

// LabeledPayload is the example of an issue labelled postmortem-action, carrying issue.
func LabeledPayload(t testing.TB, repo *github.Repository, issue *github.Issue) []byte {
	t.Helper()
	e := example[github.IssuesEvent](t, "issues.labeled.action-item.json")
	e.Issue, e.Label, e.Repo, e.Sender = issue, issue.Labels[0], repo, issue.User
	return encode(t, e)
}

// scheduleEvent is a schedule event's payload, which go-github has no type for.
type scheduleEvent struct {
	Schedule     string               `json:"schedule"`
	Workflow     string               `json:"workflow"`
	Repo         *github.Repository   `json:"repository"`
	Organization *github.Organization `json:"organization"`
	Sender       *github.User         `json:"sender"`
}

// SchedulePayload is the schedule example (the dispatch example's repository, with a cron).
func SchedulePayload(t testing.TB, repo *github.Repository) []byte {
	t.Helper()
	e := example[scheduleEvent](t, "schedule.json")
	e.Repo = repo
	return encode(t, e)
}
