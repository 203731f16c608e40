package cli

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// runDeploy records how a deploy ended (the deploy workflow's workflow_run, or a deployment's
// deployment_status) on the incident its tag belongs to, under the policy the route was chosen by.
func runDeploy(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	out := deploy.OutcomeOf(t.WorkflowRun, t.DeploymentStatus, opts.Policy.Deploy.Environment)
	if opts.DryRun {
		fmt.Fprintf(env.Stdout, "would record the deploy of %s to %s (%s) on its incident\n", out.Tag, out.Environment, out.Conclusion)
		return nil
	}
	r, err := opts.GitHub.get(ctx)
	if err != nil {
		return err
	}
	o, err := incidentOptions(ctx, r, opts.Policy, env)
	if err != nil {
		return err
	}
	res, err := deploy.Record(ctx, r.client, incident.Repo{Owner: r.owner, Name: r.name}, out, o)
	if err != nil {
		return fmt.Errorf("record the deploy of %s: %w", out.Tag, err)
	}
	fmt.Fprintln(env.Stdout, res.Line())
	return env.runner().Summary(res.Markdown())
}
