package event

import (
	"slices"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// finalDeployStates are the deployment states that end a deploy.
var finalDeployStates = []string{"success", "failure", "error"}

// routeWorkflowRun sends the deploy workflow's completed run to the deploy's outcome.
// https://docs.github.com/webhooks/webhook-events-and-payloads#workflow_run
func routeWorkflowRun(t Trigger, d config.Deploy) Decision {
	ev := t.WorkflowRun
	path, run := ev.GetWorkflow().GetPath(), ev.GetWorkflowRun()
	switch {
	case ev.GetAction() != "completed":
		return skip("workflow_run %s: nothing to do until the run completes", word(ev.GetAction()))
	case !d.Enabled():
		return skip("workflow_run of %s: the policy names no deploy.workflow: nothing to do", refName(path))
	case path != ".github/workflows/"+d.Workflow:
		return skip("workflow_run of %s, not the deploy workflow %s: nothing to do", refName(path), d.Workflow)
	}
	return to(Deploy, "workflow_run of the deploy workflow %s at %s completed: %s", d.Workflow, refName(run.GetHeadBranch()), word(run.GetConclusion()))
}

// routeDeploymentStatus sends a deployment's final status in the deploy environment to the
// deploy's outcome.
// https://docs.github.com/webhooks/webhook-events-and-payloads#deployment_status
func routeDeploymentStatus(t Trigger, d config.Deploy) Decision {
	ev := t.DeploymentStatus
	state, env := ev.GetDeploymentStatus().GetState(), ev.GetDeployment().GetEnvironment()
	switch {
	case !d.Enabled():
		return skip("deployment_status in %s: the policy names no deploy.workflow: nothing to do", refName(env))
	case !slices.Contains(finalDeployStates, state):
		return skip("deployment_status %s: nothing to do until the deploy ends", word(state))
	case env != d.Environment:
		return skip("deployment_status in %s, not the deploy environment %s: nothing to do", refName(env), d.Environment)
	}
	return to(Deploy, "deployment_status %s of %s in %s", word(state), refName(ev.GetDeployment().GetRef()), d.Environment)
}
