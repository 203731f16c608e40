package cli

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

// runRemind runs hotfix remind for a schedule.
func runRemind(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	if opts.DryRun {
		fmt.Fprintln(env.Stdout, "would run hotfix remind: flag overdue updates, postmortems and action items")
		return nil
	}
	r, err := opts.GitHub.get(ctx)
	if err != nil {
		return err
	}
	return (&remindCmd{ref: t.BaseRef()}).exec(ctx, env, r, opts.Policies)
}
