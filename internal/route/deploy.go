package route

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// runDeploy records how a deploy ended (the deploy workflow's workflow_run, or a deployment's
// deployment_status) on the incident its tag belongs to, under the policy the route was chosen by.
func runDeploy(ctx context.Context, r Run) error {
	out := deploy.OutcomeOf(r.Trigger.WorkflowRun, r.Trigger.DeploymentStatus, r.Policy.Deploy.Environment)
	if r.DryRun {
		fmt.Fprintf(r.Out, "would record the deploy of %s to %s (%s) on its incident\n", out.Tag, out.Environment, out.Conclusion)
		return nil
	}
	repo, err := r.GitHub(ctx)
	if err != nil {
		return err
	}
	o, err := r.incidentOptions(ctx, repo, r.Policy)
	if err != nil {
		return err
	}
	res, err := deploy.Record(ctx, repo.Client, incident.Repo{Owner: repo.Owner, Name: repo.Name}, out, o)
	if err != nil {
		return fmt.Errorf("record the deploy of %s: %w", out.Tag, err)
	}
	fmt.Fprintln(r.Out, res.Line())
	return r.Runner.Summary(res.Markdown())
}
