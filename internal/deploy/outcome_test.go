package deploy

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

func TestOutcomes(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 1, 5, 10, 50, 0, 0, time.UTC)
	run := &github.WorkflowRunEvent{WorkflowRun: &github.WorkflowRun{HeadBranch: github.String("v1.2.4"), Conclusion: github.String("success"),
		HTMLURL: github.String("https://github.com/acme/shop/actions/runs/7"), UpdatedAt: &github.Timestamp{Time: at}}}
	status := &github.DeploymentStatusEvent{
		Deployment:       &github.Deployment{Ref: github.String("refs/tags/v1.2.4"), Environment: github.String("production")},
		DeploymentStatus: &github.DeploymentStatus{State: github.String("error"), LogURL: github.String("https://ci/logs/9"), CreatedAt: &github.Timestamp{Time: at}},
	}
	tests := []struct {
		name string
		got  Outcome
		want Outcome
		text string
	}{
		{"workflow run", FromWorkflowRun(run, "production"),
			Outcome{Tag: "v1.2.4", Environment: "production", Conclusion: "success", URL: "https://github.com/acme/shop/actions/runs/7", At: at},
			"Fix deployed: v1.2.4 to production"},
		{"deployment status", FromDeploymentStatus(status),
			Outcome{Tag: "v1.2.4", Environment: "production", Conclusion: "error", URL: "https://ci/logs/9", At: at},
			"Deploy of v1.2.4 to production failed (error): https://ci/logs/9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.got, tt.want); diff != "" {
				t.Errorf("outcome (-got +want):\n%s", diff)
			}
			e := tt.got.Entry()
			if got := incident.DeployedText(e); got != tt.text || !e.At.Equal(at) || !e.Posted.Equal(at) {
				t.Errorf("entry text %q at %s, want %q at %s", got, e.At, tt.text, at)
			}
		})
	}
}
