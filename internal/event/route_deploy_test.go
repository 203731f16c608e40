package event

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

func TestRouteDeploy(t *testing.T) {
	t.Parallel()
	on := config.Default()
	on.Deploy.Workflow = "deploy.yml"
	staging := on
	staging.Deploy.Environment = "staging"
	outcome := []string{"run (the deploy's outcome)"}
	tests := []struct {
		file   string
		policy config.Policy
		edit   func(Trigger)
		want   Decision
	}{
		{"workflow_run.completed.deploy.json", on, nil, Decision{Deploy, outcome, `workflow_run of the deploy workflow deploy.yml at "v1.2.4" completed: "success"`}},
		{"workflow_run.completed.deploy.json", config.Default(), nil, Decision{None, nil, `workflow_run of ".github/workflows/deploy.yml": the policy names no deploy.workflow: nothing to do`}},
		{"workflow_run.completed.json", on, nil, Decision{None, nil, `workflow_run of ".github/workflows/syntax.yml", not the deploy workflow deploy.yml: nothing to do`}},
		{"workflow_run.completed.deploy.json", on, func(t Trigger) { t.WorkflowRun.Action = github.String("requested") },
			Decision{None, nil, `workflow_run "requested": nothing to do until the run completes`}},
		{"deployment_status.created.json", on, nil, Decision{Deploy, outcome, `deployment_status "success" of "master" in production`}},
		{"deployment_status.created.json", staging, nil, Decision{None, nil, `deployment_status in "production", not the deploy environment staging: nothing to do`}},
		{"deployment_status.created.json", config.Default(), nil, Decision{None, nil, `deployment_status in "production": the policy names no deploy.workflow: nothing to do`}},
		{"deployment_status.created.json", on, func(t Trigger) { t.DeploymentStatus.DeploymentStatus.State = github.String("in_progress") },
			Decision{None, nil, `deployment_status "in_progress": nothing to do until the deploy ends`}},
	}
	for _, tt := range tests {
		t.Run(tt.want.Reason, func(t *testing.T) {
			t.Parallel()
			tr := load(t, tt.file)
			if tt.edit != nil {
				tt.edit(tr)
			}
			if diff := cmp.Diff(Route(tr, tt.policy), tt.want); diff != "" {
				t.Errorf("Route() (-got +want):\n%s", diff)
			}
			if !Reachable(tr, Deploy) || tr.BaseRef() == "" {
				t.Errorf("Reachable(Deploy) = false or no base ref %q", tr.BaseRef())
			}
		})
	}
}
