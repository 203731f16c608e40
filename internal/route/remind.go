package route

import (
	"context"
	"errors"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/remind"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// runRemind runs hotfix remind for a schedule.
func runRemind(ctx context.Context, r Run) error {
	if r.DryRun {
		fmt.Fprintln(r.Out, "would run hotfix remind: flag overdue updates, postmortems and action items")
		return nil
	}
	return r.Remind(ctx, r.Trigger.BaseRef(), false)
}

// Remind flags what is overdue under the policy on the branch ref, and prints it (as JSON with
// asJSON), with the warnings, the output posted and the summary, which go to the runner either way.
func (r Run) Remind(ctx context.Context, ref string, asJSON bool) error {
	s, err := r.Scope(ctx, ref)
	if err != nil {
		return err
	}
	res, err := remind.Run(ctx, s.Client, postmortem.Repo{Owner: s.Owner, Name: s.Name}, remind.SourcesFor(s.Policy, s.Login), remind.OptionsFor(s.Policy), r.Now().UTC())
	var printed error
	if asJSON {
		printed = runner.WriteJSON(r.Out, res)
	} else {
		res.WriteText(r.Out)
	}
	for _, p := range res.Problems {
		r.Runner.Annotate(runner.Annotation{Level: runner.Warning, Message: p})
	}
	return errors.Join(err, printed, r.Runner.SetOutput("posted", fmt.Sprint(res.Posted())), r.Runner.Summary(res.Summary()))
}
