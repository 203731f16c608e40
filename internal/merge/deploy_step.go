package merge

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// deploy dispatches the policy's deploy workflow at the merge's new tag, once: a rerun finds the
// run it started. It is nil when the policy, the severity or a missing tag deploys nothing.
func (d Deps) deploy(ctx context.Context, pr *github.PullRequest, rel *release.Result) (*deploy.Result, error) {
	tag := ""
	if rel != nil {
		tag = rel.Tag
	}
	if deploy.Skip(d.Policy.Deploy, d.severityOf(pr), tag) != "" {
		return nil, nil
	}
	res, err := deploy.Once(ctx, d.Client, deploy.Repo{Owner: d.Owner, Name: d.Name}, d.Policy.Deploy, tag)
	if err != nil {
		return nil, err
	}
	return &res, nil
}

// deployPlan says what the merge would dispatch at the tag, or why it would deploy nothing; ""
// when the policy has no deploy. It is pure: a rerun's look-up of the run is left to the merge.
func (d Deps) deployPlan(pr *github.PullRequest, rel *release.Result) string {
	if !d.Policy.Deploy.Enabled() {
		return ""
	}
	tag := ""
	if rel != nil {
		tag = rel.Tag
	}
	if why := deploy.Skip(d.Policy.Deploy, d.severityOf(pr), tag); why != "" {
		return "nothing: " + why
	}
	return fmt.Sprintf("%s at %s, unless a run of it at that ref exists", d.Policy.Deploy.Workflow, d.Policy.Deploy.RefFor(tag))
}
