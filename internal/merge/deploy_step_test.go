package merge

import (
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

func TestDeployPlan(t *testing.T) {
	t.Parallel()
	on := config.Default()
	on.Deploy.Workflow, on.Deploy.Severities = "deploy.yml", []string{"P0", "P1"}
	p1 := &github.PullRequest{Labels: []*github.Label{{Name: github.String("severity/P1")}}}
	p3 := &github.PullRequest{Labels: []*github.Label{{Name: github.String("severity/P3")}}}
	tag := &release.Result{Tag: "v1.2.4"}
	tests := []struct {
		name   string
		policy config.Policy
		pr     *github.PullRequest
		rel    *release.Result
		want   string
	}{
		{"off", config.Default(), p1, tag, ""},
		{"deploys", on, p1, tag, "deploy.yml at v1.2.4, unless a run of it at that ref exists"},
		{"no tag", on, p1, nil, "nothing: the merge made no tag to deploy"},
		{"another severity", on, p3, tag, "nothing: severity P3 is not one of deploy.severities (P0, P1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := (Deps{Policy: tt.policy}).deployPlan(tt.pr, tt.rel); got != tt.want {
				t.Errorf("deployPlan = %q, want %q", got, tt.want)
			}
		})
	}
}
