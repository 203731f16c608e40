package event

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
)

// parse decodes the payload into the typed event for t.Name. A schedule payload is decoded here,
// since ParseWebHook does not know it; an event the toolkit does not handle is only checked to be
// JSON.
func (t *Trigger) parse(payload []byte) error {
	switch t.Name {
	case Schedule:
		t.Schedule = new(ScheduleEvent)
		return json.Unmarshal(payload, t.Schedule)
	case Push, PullRequest, IssueComment, Issues, WorkflowDispatch, WorkflowRun, DeploymentStatus:
		ev, err := github.ParseWebHook(t.Name, payload)
		if err != nil {
			return err
		}
		return t.set(ev)
	}
	if !json.Valid(payload) {
		return errors.New("not valid JSON")
	}
	return nil
}

// set stores a parsed event on the trigger, checking the objects the commands rely on.
func (t *Trigger) set(ev any) error {
	var err error
	switch e := ev.(type) {
	case *github.PushEvent:
		t.Push = e
		err = require(e.Ref != nil, "ref")
	case *github.PullRequestEvent:
		t.PullRequest = e
		t.Fork = isFork(e.GetPullRequest())
		err = require(e.PullRequest != nil && e.Action != nil, "pull_request", "action")
	case *github.IssueCommentEvent:
		t.IssueComment = e
		err = require(e.Issue != nil && e.Comment != nil && e.Action != nil, "issue", "comment", "action")
	case *github.IssuesEvent:
		t.Issues = e
		err = require(e.Issue != nil && e.Action != nil, "issue", "action")
	case *github.WorkflowDispatchEvent:
		t.Dispatch = e
		t.Inputs, err = decodeInputs(e.Inputs)
	case *github.WorkflowRunEvent:
		t.WorkflowRun = e
		err = require(e.WorkflowRun != nil && e.Workflow != nil && e.Action != nil, "workflow_run", "workflow", "action")
	case *github.DeploymentStatusEvent:
		t.DeploymentStatus = e
		err = require(e.Deployment != nil && e.DeploymentStatus != nil, "deployment", "deployment_status")
	default:
		err = fmt.Errorf("payload decoded to unexpected %T", ev)
	}
	return err
}

// require reports the fields a payload must carry when ok is false.
func require(ok bool, fields ...string) error {
	if ok {
		return nil
	}
	return fmt.Errorf("payload lacks one of the fields %s", strings.Join(fields, ", "))
}

// isFork reports whether a pull request's head lives in another repository than its base. A
// head repository that is gone (null) was a deleted fork.
func isFork(pr *github.PullRequest) bool {
	head, base := pr.GetHead().GetRepo(), pr.GetBase().GetRepo()
	if head == nil {
		return base != nil && pr.GetHead() != nil
	}
	return base != nil && !strings.EqualFold(head.GetFullName(), base.GetFullName())
}

// payloadRepo is the repository the payload names, for runs without GITHUB_REPOSITORY.
func (t Trigger) payloadRepo() Repo {
	var full string
	switch {
	case t.Push != nil:
		full = t.Push.GetRepo().GetFullName()
	case t.PullRequest != nil:
		full = t.PullRequest.GetRepo().GetFullName()
	case t.IssueComment != nil:
		full = t.IssueComment.GetRepo().GetFullName()
	case t.Issues != nil:
		full = t.Issues.GetRepo().GetFullName()
	case t.Dispatch != nil:
		full = t.Dispatch.GetRepo().GetFullName()
	case t.Schedule != nil && t.Schedule.Repo != nil:
		full = t.Schedule.Repo.GetFullName()
	case t.WorkflowRun != nil:
		full = t.WorkflowRun.GetRepo().GetFullName()
	case t.DeploymentStatus != nil:
		full = t.DeploymentStatus.GetRepo().GetFullName()
	}
	r, err := parseRepo(full)
	if err != nil {
		return Repo{}
	}
	return r
}
