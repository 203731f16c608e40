package cli

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// runDeploy records how a deploy ended (the deploy workflow's workflow_run, or a deployment's
// deployment_status) on the incident its tag belongs to, under the policy the route was chosen by.
func runDeploy(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	out := deployOutcome(t, opts.Policy.Deploy.Environment)
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
	line := deployLine(res)
	fmt.Fprintln(env.Stdout, line)
	return env.runner().Summary("### Deploy\n\n" + markdown.Cell(line) + "\n")
}

// deployOutcome is the outcome the trigger reports; a workflow run deploys to environment.
func deployOutcome(t event.Trigger, environment string) deploy.Outcome {
	if t.WorkflowRun != nil {
		return deploy.FromWorkflowRun(t.WorkflowRun, environment)
	}
	return deploy.FromDeploymentStatus(t.DeploymentStatus)
}

// deployLine is the log line for what the outcome did.
func deployLine(res deploy.Recorded) string {
	o := res.Outcome
	head := fmt.Sprintf("deploy of %s to %s: %s", o.Tag, o.Environment, o.Conclusion)
	switch {
	case res.Skipped != "":
		return head + "; nothing recorded: " + res.Skipped
	case res.Already:
		return fmt.Sprintf("%s; incident #%d already has it", head, res.Incident)
	}
	return fmt.Sprintf("%s; recorded on incident #%d", head, res.Incident)
}
