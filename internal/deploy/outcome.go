package deploy

import (
	"cmp"
	"fmt"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Outcome is how a deploy of a release tag ended, as GitHub reported it.
type Outcome struct {
	Tag         string    `json:"tag"`
	Environment string    `json:"environment"`
	Conclusion  string    `json:"conclusion"` // success, or failure, cancelled, timed_out, error…
	URL         string    `json:"url,omitempty"`
	At          time.Time `json:"at"`
}

// FromWorkflowRun is the outcome of the deploy workflow's completed run: its head_branch is the
// tag it was dispatched at, and updated_at is when it completed.
// https://docs.github.com/webhooks/webhook-events-and-payloads#workflow_run
func FromWorkflowRun(ev *github.WorkflowRunEvent, environment string) Outcome {
	run := ev.GetWorkflowRun()
	return Outcome{Tag: shortRef(run.GetHeadBranch()), Environment: environment, Conclusion: run.GetConclusion(),
		URL: run.GetHTMLURL(), At: run.GetUpdatedAt().Time.UTC()}
}

// FromDeploymentStatus is the outcome of a deployment's final status: the deployment's ref is the
// tag, and the status's created_at is when it ended.
// https://docs.github.com/webhooks/webhook-events-and-payloads#deployment_status
func FromDeploymentStatus(ev *github.DeploymentStatusEvent) Outcome {
	st, d := ev.GetDeploymentStatus(), ev.GetDeployment()
	return Outcome{Tag: shortRef(d.GetRef()), Environment: d.GetEnvironment(), Conclusion: st.GetState(),
		URL: cmp.Or(st.GetLogURL(), st.GetTargetURL()), At: st.GetCreatedAt().Time.UTC()}
}

// Succeeded reports whether the deploy succeeded.
func (o Outcome) Succeeded() bool { return o.Conclusion == incident.DeploySuccess }

// Entry is the incident log's entry for the outcome, placed at the time GitHub reported.
func (o Outcome) Entry() incident.Entry {
	e := incident.Entry{Type: incident.Deployed, Name: o.Tag, Text: o.Environment, How: o.Conclusion, URL: o.URL, At: o.At, Posted: o.At}
	e.Message = o.sentence()
	return e
}

// sentence is the log comment's text for people.
func (o Outcome) sentence() string {
	if o.Succeeded() {
		return fmt.Sprintf("**Fix deployed:** %s to %s.", markdown.Code(o.Tag), markdown.Code(o.Environment))
	}
	s := fmt.Sprintf("**Deploy failed:** %s to %s ended %s.", markdown.Code(o.Tag), markdown.Code(o.Environment), markdown.Code(o.Conclusion))
	if o.URL != "" {
		s += " See " + o.URL
	}
	return s
}
