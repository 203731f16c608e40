package cli

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

// runActionItems handles an action item labelled, closed or reopened by syncing its postmortem's
// table, and a /create-action-items comment on a postmortem by creating the typed rows' issues.
func runActionItems(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	action, number, requester := actionItemsTarget(t, firstSet(opts.Policy.Postmortem.ActionLabel, config.Default().Postmortem.ActionLabel))
	if number == 0 {
		fmt.Fprintf(env.Stdout, "would run hotfix action-items %s, but the issue names no postmortem (Postmortem: #N in its body): nothing to do\n", action)
		return nil
	}
	if opts.DryRun {
		fmt.Fprintf(env.Stdout, "would run hotfix action-items %s on postmortem #%d\n", action, number)
		return nil
	}
	r, err := opts.GitHub.get(ctx)
	if err != nil {
		return err
	}
	c := &actionItemsCmd{postmortem: number, ref: t.BaseRef(), requestedBy: requester}
	return c.exec(ctx, env, action, r, opts.Policies)
}

// actionItemsTarget is what the trigger asks of action-items: sync the postmortem an item names,
// or create the typed rows of the postmortem a /create-action-items comment is on, for its author.
func actionItemsTarget(t event.Trigger, label string) (action string, postmortem int, requester string) {
	if ev := t.IssueComment; ev != nil && ev.GetAction() == "created" && actionitem.IsCommand(ev.GetComment().GetBody()) {
		return "create", ev.GetIssue().GetNumber(), ev.GetComment().GetUser().GetLogin()
	}
	if issue, ok := t.ActionItem(label); ok {
		return "sync", actionitem.PostmortemRef(issue.GetBody()), ""
	}
	return "sync", 0, ""
}
