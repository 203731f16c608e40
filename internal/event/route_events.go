package event

import (
	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// routePush sends a push to a hotfix branch to the guard.
func routePush(t Trigger, b config.Branches) Decision {
	ref := t.Push.GetRef()
	branch, isBranch := strings.CutPrefix(ref, "refs/heads/")
	switch {
	case !isBranch:
		return skip("push to %s, not a branch: nothing to do", refName(ref))
	case t.Push.GetDeleted() || t.Push.GetAfter() == zeroSHA:
		return skip("push deleting branch %s: nothing to do", refName(branch))
	}
	if _, ok := t.HotfixPush(b.Hotfix); !ok {
		return skip("push to %s, which does not match the hotfix branches %s: nothing to do", refName(branch), b.Hotfix)
	}
	return to(Guard, "push to hotfix branch %s", refName(branch))
}

// routePullRequest sends a change to a hotfix PR to the guard, and a merged hotfix PR to
// release, backport and postmortem.
func routePullRequest(t Trigger, b config.Branches) Decision {
	action := t.PullRequest.GetAction()
	pr := t.PullRequest.GetPullRequest()
	head, base := pr.GetHead().GetRef(), pr.GetBase().GetRef()
	switch {
	case action == "closed":
		return routeClosed(t, b)
	case !slices.Contains(guardActions, action):
		return skip("pull_request %s: nothing to do", word(action))
	case !matchBranch(b.Hotfix, head):
		return skip("pull_request #%d from %s, which does not match the hotfix branches %s: nothing to do", pr.GetNumber(), refName(head), b.Hotfix)
	}
	return to(Guard, "pull_request %s: #%d from hotfix branch %s into %s%s", word(action), pr.GetNumber(), refName(head), refName(base), forkNote(t))
}

// routeClosed sends a hotfix PR merged into production or a maintenance branch to release,
// backport and postmortem.
func routeClosed(t Trigger, b config.Branches) Decision {
	pr, merged := t.MergedPR()
	if !merged {
		return skip("pull_request closed without merge: nothing to do")
	}
	head, base := pr.GetHead().GetRef(), pr.GetBase().GetRef()
	if !matchBranch(b.Hotfix, head) {
		return skip("pull_request #%d merged from %s, which does not match the hotfix branches %s: nothing to do", pr.GetNumber(), refName(head), b.Hotfix)
	}
	if base != b.Production && !matchBranch(b.Release, base) {
		return skip("hotfix pull_request #%d merged into %s, which is neither the production branch %s nor a release branch %s: nothing to do",
			pr.GetNumber(), refName(base), b.Production, b.Release)
	}
	return to(Merge, "hotfix pull_request #%d from %s merged into %s%s", pr.GetNumber(), refName(head), refName(base), forkNote(t))
}

// forkNote says when a pull request comes from a fork, whose run has a read-only token.
func forkNote(t Trigger) string {
	if t.Fork {
		return " (from a fork: read-only token)"
	}
	return ""
}

// routeComment sends a command comment on an issue labelled incidentLabel to incident update,
// and /create-action-items on one labelled postmortemLabel to the action items.
func routeComment(t Trigger, postmortemLabel, incidentLabel string) Decision {
	ev := t.IssueComment
	n := ev.GetIssue().GetNumber()
	switch {
	case ev.GetAction() != "created":
		return skip("issue_comment %s: only new comments carry commands", word(ev.GetAction()))
	case ev.GetIssue().IsPullRequest():
		return skip("issue_comment on pull request #%d, not an incident issue: nothing to do", n)
	case hasLabel(ev.GetIssue().Labels, postmortemLabel) && actionitem.IsCommand(ev.GetComment().GetBody()):
		return to(ActionItems, "/create-action-items on postmortem #%d", n)
	case !hasLabel(ev.GetIssue().Labels, incidentLabel):
		return skip("issue_comment on #%d, which is not labelled %s: nothing to do", n, incidentLabel)
	}
	c, ok := t.IncidentCommand(incidentLabel)
	if !ok {
		return skip("issue_comment on incident #%d is not a command (commands start with /): nothing to do", n)
	}
	return to(Update, "command %s on incident #%d", word(c.GetBody()), n)
}

// routeIssues sends an action item's label, close or reopen to the action-item sync.
func routeIssues(t Trigger, label string) Decision {
	issue, ok := t.ActionItem(label)
	action := t.Issues.GetAction()
	if !ok {
		return skip("issues %s on #%d does not concern a %s item: nothing to do", word(action), t.Issues.GetIssue().GetNumber(), label)
	}
	return to(ActionItems, "issues %s: #%d is a %s item", word(action), issue.GetNumber(), label)
}

// routeDispatch sends a dispatch with a title and a severity to incident declare.
func routeDispatch(t Trigger) Decision {
	if strings.TrimSpace(t.Inputs["title"]) == "" || strings.TrimSpace(t.Inputs["severity"]) == "" {
		return skip("workflow_dispatch without the inputs title and severity: nothing to do")
	}
	return to(Declare, "workflow_dispatch with title and severity %s: declare an incident", word(t.Inputs["severity"]))
}
