package deploy

import (
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// OutcomeOf is the outcome an event reports: the deploy workflow's completed run (run not nil),
// which deploys to environment, else the deployment's final status.
func OutcomeOf(run *github.WorkflowRunEvent, status *github.DeploymentStatusEvent, environment string) Outcome {
	if run != nil {
		return FromWorkflowRun(run, environment)
	}
	return FromDeploymentStatus(status)
}

// Line is the log line for what recording the outcome did.
func (res Recorded) Line() string {
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

// Markdown is the job summary's section for it.
func (res Recorded) Markdown() string {
	return "### Deploy\n\n" + markdown.Cell(res.Line()) + "\n"
}
