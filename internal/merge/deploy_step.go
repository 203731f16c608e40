package merge

import (
	"context"

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
	res, err := deploy.Once(ctx, d.Client.Actions, deploy.Repo{Owner: d.Owner, Name: d.Name}, d.Policy.Deploy, tag)
	if err != nil {
		return nil, err
	}
	return &res, nil
}
