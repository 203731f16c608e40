package event

import (
	"cmp"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// ActionItemsTarget is what the trigger asks of action-items: sync the postmortem an item
// (labelled label) names, or create the typed rows of the postmortem a /create-action-items
// comment is on, for its author. postmortem is 0 when the trigger names none.
func (t Trigger) ActionItemsTarget(label string) (action string, postmortem int, requester string) {
	if ev := t.IssueComment; ev != nil && ev.GetAction() == "created" && actionitem.IsCommand(ev.GetComment().GetBody()) {
		return "create", ev.GetIssue().GetNumber(), ev.GetComment().GetUser().GetLogin()
	}
	if issue, ok := t.ActionItem(label); ok {
		return "sync", actionitem.PostmortemRef(issue.GetBody()), ""
	}
	return "sync", 0, ""
}

// GuardRange is the range the guard checks: a pull request's base and head commits, or the
// production branch (resolved as a branch, never a tag; the default one when empty) and the
// pushed commit.
func (t Trigger) GuardRange(production string) (base, head string) {
	if pr := t.PullRequest.GetPullRequest(); pr != nil {
		return pr.GetBase().GetSHA(), pr.GetHead().GetSHA()
	}
	return cmp.Or(strings.TrimSpace(production), config.Default().Branches.Production), t.Push.GetAfter()
}
