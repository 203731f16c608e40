package cli

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

// runActionItems handles an action item labelled, closed or reopened by syncing its postmortem's
// table, and a /create-action-items comment on a postmortem by creating the typed rows' issues.
func runActionItems(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	action, number, requester := t.ActionItemsTarget(firstSet(opts.Policy.Postmortem.ActionLabel, config.Default().Postmortem.ActionLabel))
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
