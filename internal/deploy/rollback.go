package deploy

import (
	"context"
	"fmt"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// maxDeployments is how many of the environment's deployments, newest first, the last known good
// release is looked for in.
const maxDeployments = 30

// Roller is the deploy a /rollback runs: the policy's deploy workflow, dispatched at the tag.
type Roller struct {
	Client *github.Client
	Repo   Repo
	Deploy config.Deploy
	Prefix string // the release tag prefix
	// Production is the production branch: a TAG given must be on it.
	Production string
	Identity   string // the login the incident log is written as
}

// Roll deploys tag, which must be a release tag, or the last known good release when tag is
// empty, and links the deploy to incident r so that its outcome comes back there.
func (ro Roller) Roll(ctx context.Context, r incident.Record, tag string) (incident.Rollback, error) {
	choice, err := ro.choose(ctx, r, tag)
	if err != nil {
		return choice, err
	}
	res, err := Start(ctx, ro.Client, ro.Repo, ro.Deploy, choice.Tag)
	if err != nil {
		return choice, err
	}
	link := LinkEntry(res)
	_, err = incident.Link(ctx, ro.Client, incident.Repo(ro.Repo), r.Number, ro.Identity, link)
	return choice, err
}

// choose is the release to roll back to, and the rule that chose it.
func (ro Roller) choose(ctx context.Context, r incident.Record, tag string) (incident.Rollback, error) {
	if tag != "" {
		return incident.Rollback{Tag: tag, Rule: "the release tag given"}, ro.checkTag(ctx, tag)
	}
	cutoff := cutoffOf(r)
	got, rule, err := ro.LastGood(ctx, cutoff)
	if err != nil {
		return incident.Rollback{}, err
	}
	if got != nil {
		return incident.Rollback{Tag: got.Name, Rule: rule}, nil
	}
	last, err := incident.LastTagBefore(ctx, ro.Client, incident.Repo(ro.Repo), ro.Prefix, cutoff)
	if err != nil || last == nil {
		return incident.Rollback{}, orRefused(err, "no release tag was made before the impact started; give the tag: /rollback v1.2.3")
	}
	return incident.Rollback{Tag: last.Name, Rule: fmt.Sprintf("%s; no successful deployment to %s before it was found", incident.TagRule, ro.Deploy.Environment)}, nil
}

// LastGood is the newest release deployed successfully to the environment before cutoff, as a
// change of kind deploy at the time of its success, with the rule; nil when there is none.
func (ro Roller) LastGood(ctx context.Context, cutoff time.Time) (*incident.Change, string, error) {
	tag, at, err := ro.lastDeployed(ctx, cutoff)
	if tag == "" || err != nil {
		return nil, "", err
	}
	rule := fmt.Sprintf("the newest release deployed successfully to %s before the impact started", ro.Deploy.Environment)
	return &incident.Change{Kind: "deploy", Name: tag, At: at}, rule, nil
}

// cutoffOf is when the incident's impact started, else when it was declared.
func cutoffOf(r incident.Record) time.Time {
	if !r.ImpactStart.IsZero() {
		return r.ImpactStart
	}
	return r.Declared
}

// orRefused is err, or a refusal with why when err is nil.
func orRefused(err error, why string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("%w: %s", incident.ErrRollback, why)
}

// checkTag refuses a tag that is not a stable release tag in the repository.
func (ro Roller) checkTag(ctx context.Context, tag string) error {
	t, err := release.ParseTag(tag, ro.Prefix)
	if err != nil || !t.Stable() {
		return fmt.Errorf("%w: %s is not a release tag (%s followed by MAJOR.MINOR.PATCH)", incident.ErrRollback, tag, ro.Prefix)
	}
	_, _, err = ro.Client.Git.GetRef(ctx, ro.Repo.Owner, ro.Repo.Name, "tags/"+tag)
	if gh.Kind(err) == gh.NotFound {
		return fmt.Errorf("%w: there is no tag %s in the repository", incident.ErrRollback, tag)
	}
	if err != nil {
		return fmt.Errorf("read tag %s: %w", tag, gh.Explain(err))
	}
	return ro.checkLine(ctx, tag)
}

// checkLine refuses a tag whose commit is not on the production branch: the compare of the tag
// with the branch is "ahead" or "identical" only when the tag's commit is in the branch's history.
// https://docs.github.com/rest/commits/commits#compare-two-commits
func (ro Roller) checkLine(ctx context.Context, tag string) error {
	cmp, _, err := ro.Client.Repositories.CompareCommits(ctx, ro.Repo.Owner, ro.Repo.Name, tag, ro.Production, &github.ListOptions{PerPage: 1})
	if err != nil {
		return fmt.Errorf("compare tag %s with %s: %w", tag, ro.Production, gh.Explain(err))
	}
	if s := cmp.GetStatus(); s != "ahead" && s != "identical" {
		return fmt.Errorf("%w: %s is not on the production branch %s", incident.ErrRollback, tag, ro.Production)
	}
	return nil
}

// lastDeployed is the newest release tag with a successful deployment to the environment before
// cutoff, and when it succeeded, from the Deployments API; "" when there is none among the newest
// maxDeployments.
// https://docs.github.com/rest/deployments/deployments#list-deployments
func (ro Roller) lastDeployed(ctx context.Context, cutoff time.Time) (string, time.Time, error) {
	opts := &github.DeploymentsListOptions{Environment: ro.Deploy.Environment, ListOptions: github.ListOptions{PerPage: maxDeployments}}
	deps, _, err := ro.Client.Repositories.ListDeployments(ctx, ro.Repo.Owner, ro.Repo.Name, opts)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("list the deployments to %s: %w", ro.Deploy.Environment, gh.Explain(err))
	}
	for _, d := range deps {
		tag := shortRef(d.GetRef())
		if t, err := release.ParseTag(tag, ro.Prefix); err != nil || !t.Stable() || !d.GetCreatedAt().Before(cutoff) {
			continue
		}
		at, err := ro.succeededBefore(ctx, d.GetID(), cutoff)
		if !at.IsZero() || err != nil {
			return tag, at, err
		}
	}
	return "", time.Time{}, nil
}

// succeededBefore is when deployment id's success status before cutoff was made; zero for none.
func (ro Roller) succeededBefore(ctx context.Context, id int64, cutoff time.Time) (time.Time, error) {
	sts, _, err := ro.Client.Repositories.ListDeploymentStatuses(ctx, ro.Repo.Owner, ro.Repo.Name, id, &github.ListOptions{PerPage: 100})
	if err != nil {
		return time.Time{}, fmt.Errorf("list the statuses of deployment %d: %w", id, gh.Explain(err))
	}
	for _, st := range sts {
		if st.GetState() == "success" && st.GetCreatedAt().Before(cutoff) {
			return st.GetCreatedAt().Time.UTC(), nil
		}
	}
	return time.Time{}, nil
}
