package event

import (
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// Kind names what a trigger is routed to.
type Kind string

// Route kinds. Each runs the commands in Decision.Commands.
const (
	None        Kind = "none"         // nothing to do
	Guard       Kind = "guard"        // a push to, or a PR from, a hotfix branch
	Merge       Kind = "merge"        // a hotfix PR merged: release, backport, postmortem
	Declare     Kind = "declare"      // workflow_dispatch with title and severity
	Update      Kind = "update"       // a command comment on an incident issue
	ActionItems Kind = "action-items" // an action item labelled, closed or reopened
	Remind      Kind = "remind"       // the schedule
	Deploy      Kind = "deploy"       // the deploy workflow's run, or a deployment, ended
)

// Kinds are the route kinds that run something, in the order of the process.
var Kinds = []Kind{Guard, Merge, Declare, Update, ActionItems, Remind, Deploy}

// Decision is where a trigger goes: the commands that handle it, in order, and why. A Decision
// of kind None runs nothing, and its Reason says why there is nothing to do.
type Decision struct {
	Kind     Kind
	Commands []string
	Reason   string
}

// commands lists the commands each kind runs, by their names in the command table.
var commands = map[Kind][]string{
	Guard:       {"guard"},
	Merge:       {"release", "backport", "postmortem"},
	Declare:     {"incident declare"},
	Update:      {"incident update"},
	ActionItems: {"action-items sync"},
	Remind:      {"remind"},
	Deploy:      {"run (the deploy's outcome)"},
}

// Route decides which commands handle a trigger under the policy's branch names. It is pure: the
// same trigger and policy always give the same decision.
func Route(t Trigger, p config.Policy) Decision {
	b := withDefaults(p.Branches)
	switch {
	case t.Push != nil:
		return routePush(t, b)
	case t.PullRequest != nil:
		return routePullRequest(t, b)
	case t.IssueComment != nil:
		return routeComment(t, postmortemLabel(p), incidentLabel(p))
	case t.Issues != nil:
		return routeIssues(t, actionLabel(p))
	case t.Dispatch != nil:
		return routeDispatch(t)
	case t.Schedule != nil:
		return to(Remind, "schedule %q: look for overdue updates, postmortems and action items", t.Schedule.Cron)
	case t.WorkflowRun != nil:
		return routeWorkflowRun(t, p.Deploy)
	case t.DeploymentStatus != nil:
		return routeDeploymentStatus(t, p.Deploy)
	}
	return skip("event %s is not one the toolkit handles: nothing to do", orUnknown(t.Name))
}

// to makes a decision of kind k.
func to(k Kind, format string, args ...any) Decision {
	return Decision{Kind: k, Commands: commands[k], Reason: fmt.Sprintf(format, args...)}
}

// skip makes a decision to do nothing.
func skip(format string, args ...any) Decision {
	return Decision{Kind: None, Reason: fmt.Sprintf(format, args...)}
}

// withDefaults fills the branch names the policy leaves empty.
func withDefaults(b config.Branches) config.Branches {
	d := config.Default().Branches
	if b.Production == "" {
		b.Production = d.Production
	}
	if b.Hotfix == "" {
		b.Hotfix = d.Hotfix
	}
	if b.Release == "" {
		b.Release = d.Release
	}
	return b
}

// orUnknown names an empty event name.
func orUnknown(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return name
}

// word is the first word of untrusted text, quoted and cut short, safe to print in a log line.
func word(s string) string {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return `""`
	}
	w := []rune(fields[0])
	if len(w) > 32 {
		w = append(w[:32], '…')
	}
	return fmt.Sprintf("%q", string(w))
}

// refName is a branch or ref name, quoted whole for a log line: a ref holds no space or control
// character, and git caps it well below a line's length, so it is never cut mid-name.
func refName(s string) string { return fmt.Sprintf("%q", s) }

// postmortemLabel is the policy's postmortem label, or the default.
func postmortemLabel(p config.Policy) string {
	if p.Postmortem.Label != "" {
		return p.Postmortem.Label
	}
	return config.Default().Postmortem.Label
}

// incidentLabel is the policy's incident label, or the default.
func incidentLabel(p config.Policy) string {
	if p.Incident.Label != "" {
		return p.Incident.Label
	}
	return config.Default().Incident.Label
}

// actionLabel is the policy's action-item label, or the default.
func actionLabel(p config.Policy) string {
	if p.Postmortem.ActionLabel != "" {
		return p.Postmortem.ActionLabel
	}
	return config.Default().Postmortem.ActionLabel
}

// Reachable reports whether a trigger could route to kind under some policy: the policy can
// rename branches and labels, but not turn, say, a closed pull request into a guard run. A step
// limited to one kind can skip the policy read for an event that can't reach it.
func Reachable(t Trigger, k Kind) bool {
	switch k {
	case Guard:
		return t.Push != nil || (t.PullRequest != nil && slices.Contains(guardActions, t.PullRequest.GetAction()))
	case Merge:
		return t.PullRequest != nil && t.PullRequest.GetAction() == "closed"
	case Declare:
		return t.Dispatch != nil
	case Update:
		return t.IssueComment != nil
	case ActionItems:
		return t.Issues != nil || t.IssueComment != nil
	case Remind:
		return t.Schedule != nil
	case Deploy:
		return t.WorkflowRun != nil || t.DeploymentStatus != nil
	}
	return false
}
