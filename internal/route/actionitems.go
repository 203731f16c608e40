package route

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// runActionItems handles an action item labelled, closed or reopened by syncing its postmortem's
// table, and a /create-action-items comment on a postmortem by creating the typed rows' issues.
func runActionItems(ctx context.Context, r Run) error {
	label := cmp.Or(strings.TrimSpace(r.Policy.Postmortem.ActionLabel), config.Default().Postmortem.ActionLabel)
	action, number, requester := r.Trigger.ActionItemsTarget(label)
	if number == 0 {
		fmt.Fprintf(r.Out, "would run hotfix action-items %s, but the issue names no postmortem (Postmortem: #N in its body): nothing to do\n", action)
		return nil
	}
	if r.DryRun {
		fmt.Fprintf(r.Out, "would run hotfix action-items %s on postmortem #%d\n", action, number)
		return nil
	}
	return r.ActionItems(ctx, ActionItems{Action: action, Postmortem: number, Ref: r.Trigger.BaseRef(), RequestedBy: requester}, false)
}

// ActionItems is what `hotfix action-items` is asked: sync or create, on which postmortem, under
// the policy on which branch, and by whom.
type ActionItems struct {
	Action      string // sync or create
	Postmortem  int
	Ref         string
	RequestedBy string // needs write access or above
}

// ActionItems syncs the postmortem's table, or creates its typed rows' issues, when the requester
// may write. It prints the result (as JSON with asJSON) and writes the outputs and the summary.
func (r Run) ActionItems(ctx context.Context, a ActionItems, asJSON bool) error {
	repo, err := r.GitHub(ctx)
	if err != nil {
		return err
	}
	if ok, err := gh.MayWrite(ctx, repo.Client, repo.Owner, repo.Name, a.RequestedBy); err != nil || !ok {
		fmt.Fprintf(r.Out, "%s may not create action items: it takes write access to the repository; nothing changed\n", a.RequestedBy)
		return err
	}
	policy, err := r.followupPolicy(ctx, a.Ref)
	if err != nil {
		return err
	}
	do := actionitem.Sync
	if a.Action == "create" {
		do = actionitem.Create
	}
	opts := actionitem.OptionsFor(policy)
	opts.Author = repo.Who.Author(policy.Incident.Identity)
	res, err := do(ctx, repo.Client, postmortem.Repo{Owner: repo.Owner, Name: repo.Name}, opts, r.Now().UTC(), a.Postmortem)
	if err != nil {
		return err
	}
	var printed error
	if asJSON {
		printed = runner.WriteJSON(r.Out, res)
	} else {
		fmt.Fprintln(r.Out, res.Line())
	}
	return errors.Join(printed, r.Runner.SetOutputs("action-items", r.Outputs("action-items"), res.Outputs()), r.Runner.Summary(res.Summary()))
}
