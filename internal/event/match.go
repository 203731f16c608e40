package event

import (
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/google/go-github/v60/github"
)

// zeroSHA is the "after" of a push that deletes a ref.
const zeroSHA = "0000000000000000000000000000000000000000"

// guardActions are the pull_request actions that change what a hotfix PR would merge.
var guardActions = []string{"opened", "synchronize", "reopened", "labeled"}

// MergedPR returns the pull request of a pull_request event closed with merged true.
func (t Trigger) MergedPR() (*github.PullRequest, bool) {
	if t.PullRequest == nil || t.PullRequest.GetAction() != "closed" {
		return nil, false
	}
	pr := t.PullRequest.GetPullRequest()
	return pr, pr.GetMerged()
}

// HotfixPush returns the branch of a push to a branch matching the hotfix glob. A push that
// deletes the branch, or pushes a tag, is not a hotfix push.
func (t Trigger) HotfixPush(hotfixGlob string) (branch string, ok bool) {
	if t.Push == nil || t.Push.GetDeleted() || t.Push.GetAfter() == zeroSHA {
		return "", false
	}
	branch, isBranch := strings.CutPrefix(t.Push.GetRef(), "refs/heads/")
	if !isBranch || !matchBranch(hotfixGlob, branch) {
		return "", false
	}
	return branch, true
}

// PROpenedFromHotfix returns the pull request of a pull_request event that opened, reopened,
// labelled or pushed to a PR whose head branch matches the hotfix glob.
func (t Trigger) PROpenedFromHotfix(hotfixGlob string) (*github.PullRequest, bool) {
	if t.PullRequest == nil || !slices.Contains(guardActions, t.PullRequest.GetAction()) {
		return nil, false
	}
	pr := t.PullRequest.GetPullRequest()
	return pr, matchBranch(hotfixGlob, pr.GetHead().GetRef())
}

// IncidentCommand returns the comment of an issue_comment created on an issue labelled label,
// the policy's incident label, whose body starts with "/". Comments on pull requests are not
// incident commands.
func (t Trigger) IncidentCommand(label string) (*github.IssueComment, bool) {
	ev := t.IssueComment
	if ev == nil || ev.GetAction() != "created" || ev.GetIssue().IsPullRequest() {
		return nil, false
	}
	if !hasLabel(ev.GetIssue().Labels, label) {
		return nil, false
	}
	body := strings.TrimSpace(ev.GetComment().GetBody())
	return ev.GetComment(), strings.HasPrefix(body, "/")
}

// ActionItem returns the issue of an issues event that labelled an issue with label, or closed
// or reopened an issue that carries it.
func (t Trigger) ActionItem(label string) (*github.Issue, bool) {
	if t.Issues == nil {
		return nil, false
	}
	issue := t.Issues.GetIssue()
	switch t.Issues.GetAction() {
	case "labeled":
		return issue, strings.EqualFold(t.Issues.GetLabel().GetName(), label)
	case "closed", "reopened":
		return issue, hasLabel(issue.Labels, label)
	}
	return nil, false
}

// BaseRef is the branch the policy should be read from: a pull request's base, else the
// repository's default branch as the payload names it. It is empty when the payload names none.
func (t Trigger) BaseRef() string {
	switch {
	case t.PullRequest != nil:
		return t.PullRequest.GetPullRequest().GetBase().GetRef()
	case t.Push != nil:
		return t.Push.GetRepo().GetDefaultBranch()
	case t.IssueComment != nil:
		return t.IssueComment.GetRepo().GetDefaultBranch()
	case t.Issues != nil:
		return t.Issues.GetRepo().GetDefaultBranch()
	case t.Dispatch != nil:
		return t.Dispatch.GetRepo().GetDefaultBranch()
	case t.Schedule != nil && t.Schedule.Repo != nil:
		return t.Schedule.Repo.GetDefaultBranch()
	case t.WorkflowRun != nil:
		return t.WorkflowRun.GetRepo().GetDefaultBranch()
	case t.DeploymentStatus != nil:
		return t.DeploymentStatus.GetRepo().GetDefaultBranch()
	}
	return ""
}

// matchBranch reports whether branch matches a doublestar glob such as "hotfix/**". A malformed
// glob matches nothing.
func matchBranch(glob, branch string) bool {
	if glob == "" || branch == "" {
		return false
	}
	ok, err := doublestar.Match(glob, branch)
	return err == nil && ok
}

// hasLabel reports whether labels include one called name.
func hasLabel(labels []*github.Label, name string) bool {
	for _, l := range labels {
		if strings.EqualFold(l.GetName(), name) {
			return true
		}
	}
	return false
}
