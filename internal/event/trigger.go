// Package event turns the Actions runner's environment and event payload into one typed Trigger,
// parsed once into go-github's event types, and routes it to the command that handles it.
//
// See https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows
// and https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
package event

import (
	"fmt"

	"github.com/google/go-github/v60/github"
)

// Event names, as GITHUB_EVENT_NAME gives them.
const (
	Push             = "push"
	PullRequest      = "pull_request"
	IssueComment     = "issue_comment"
	Issues           = "issues"
	WorkflowDispatch = "workflow_dispatch"
	Schedule         = "schedule"
	WorkflowRun      = "workflow_run"
	DeploymentStatus = "deployment_status"
)

// DefaultAPIURL is the REST API of github.com, used when GITHUB_API_URL is not set.
const DefaultAPIURL = "https://api.github.com"

// DefaultServerURL is github.com, used when GITHUB_SERVER_URL is not set.
const DefaultServerURL = "https://github.com"

// Trigger is the event a run was started by: the runner's variables, and the payload parsed into
// exactly one of the typed events. An event the toolkit does not handle has none of them set.
type Trigger struct {
	// Name is GITHUB_EVENT_NAME, such as "push" or "pull_request".
	Name string
	// Path is GITHUB_EVENT_PATH, the payload file.
	Path      string
	Repo      Repo
	Actor     string
	SHA       string
	Ref       string
	APIURL    string
	ServerURL string
	RunID     int64
	Workspace string
	// Fork is true for a pull request whose head is in another repository. Such runs get a
	// read-only token, so commands degrade to annotations and the step summary.
	Fork bool

	Push         *github.PushEvent
	PullRequest  *github.PullRequestEvent
	IssueComment *github.IssueCommentEvent
	Issues       *github.IssuesEvent
	Dispatch     *github.WorkflowDispatchEvent
	Schedule     *ScheduleEvent
	// WorkflowRun and DeploymentStatus bring a deploy's outcome back.
	WorkflowRun      *github.WorkflowRunEvent
	DeploymentStatus *github.DeploymentStatusEvent

	// Inputs are the workflow_dispatch inputs, each as text; nil for other events.
	Inputs map[string]string
}

// Repo is a repository's owner and name, from GITHUB_REPOSITORY.
type Repo struct {
	Owner string
	Name  string
}

// String is the repository as owner/name.
func (r Repo) String() string { return r.Owner + "/" + r.Name }

// ScheduleEvent is the payload of a `schedule` run, which go-github's ParseWebHook does not know.
// See https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#schedule
type ScheduleEvent struct {
	// Cron is the schedule that started the run, such as "*/15 * * * *".
	Cron   string             `json:"schedule"`
	Repo   *github.Repository `json:"repository,omitempty"`
	Sender *github.User       `json:"sender,omitempty"`
}

// RunURL is the workflow run's page, or "" outside a run.
func (t Trigger) RunURL() string {
	if t.RunID == 0 {
		return ""
	}
	return fmt.Sprintf("%s/%s/actions/runs/%d", t.ServerURL, t.Repo, t.RunID)
}
