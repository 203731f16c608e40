package merge

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// ExistingTag finds the release tag already on the PR's merge commit, without writing: the tag a
// backport or postmortem run on its own names. It returns nil when the merge has none yet.
func (d Deps) ExistingTag(ctx context.Context, pr *github.PullRequest) (*release.Result, error) {
	if !pr.GetMerged() || pr.GetMergeCommitSHA() == "" {
		return nil, fmt.Errorf("#%d is not merged, so it has no merge commit to backport or to write up", pr.GetNumber())
	}
	cfg := d.releaseConfig()
	m := release.Merge{Base: pr.GetBase().GetRef(), Head: pr.GetHead().GetRef(), Target: pr.GetMergeCommitSHA()}
	facts, err := release.APIFacts(ctx, d.Client, release.Repo{Owner: d.Owner, Name: d.Name}, cfg.Prefix, cfg.Branches, m)
	if err != nil {
		return nil, err
	}
	plan, err := release.Decide(cfg.Prefix, facts)
	if err != nil || !(plan.Exists || plan.Released) {
		return nil, nil // Decide refuses a line with nothing to patch: then the merge has no tag either
	}
	return &release.Result{Tag: plan.Tag, PreviousTag: plan.PreviousTag, SHA: plan.Target, Released: plan.Released, Reason: plan.Reason}, nil
}

// Backport opens the backports of a merged PR on their own: `hotfix backport`. The targets follow
// from the tag already on the merge, when there is one.
func (d Deps) Backport(ctx context.Context, pr *github.PullRequest) (Result, error) {
	out := Result{Backports: []backport.Result{}, Incident: incident.Ref(pr.GetBody())}
	rel, err := d.ExistingTag(ctx, pr)
	if err != nil {
		return out, err
	}
	out.Release = rel
	targets, err := d.targets(ctx, pr, rel)
	if err != nil {
		return out, err
	}
	bps, err := d.backport(ctx, pr, rel, targets)
	out.Backports = append(out.Backports, bps...)
	return out, err
}

// Postmortem opens the postmortem of a merged PR on its own: `hotfix postmortem`. It names the tag
// already on the merge and, when the PR names its incident, takes the incident's facts and joins
// the postmortem to its timeline.
func (d Deps) Postmortem(ctx context.Context, pr *github.PullRequest) (Result, error) {
	out := Result{Backports: []backport.Result{}, Incident: incident.Ref(pr.GetBody())}
	rel, err := d.ExistingTag(ctx, pr)
	if err != nil {
		return out, err
	}
	out.Release = rel
	rec, err := d.record(ctx, out.Incident)
	if err != nil {
		out.Warnings = append(out.Warnings, fmt.Sprintf("incident: %v; the postmortem is filled in from the PR alone", err))
	}
	pm, err := d.postmortem(ctx, pr, out, rec)
	if err != nil {
		return out, err
	}
	out.Postmortem = &pm
	if rec != nil {
		err = d.link(ctx, *rec, pr, Result{Postmortem: &pm})
	}
	return out, err
}

// IncidentPostmortem opens the postmortem of an incident that has no PR: the facts all come from
// its log. It is `hotfix postmortem --incident N`.
func (d Deps) IncidentPostmortem(ctx context.Context, number int) (Result, error) {
	out := Result{Backports: []backport.Result{}, Incident: number}
	rec, err := d.record(ctx, number)
	if err != nil {
		return out, err
	}
	if rec == nil {
		return out, fmt.Errorf("incident #%d: the toolkit's identity is unknown, so its log can't be read", number)
	}
	f := incident.Facts(*rec, incident.Options{Now: d.Now, DueAfter: d.dueAfter()})
	repo := postmortem.Repo{Owner: d.Owner, Name: d.Name}
	pm, err := postmortem.Open(ctx, d.Client, repo, f, postmortem.Options{Template: d.Template, Label: d.Policy.Postmortem.Label, ActionLabel: d.Policy.Postmortem.ActionLabel, Author: d.author()})
	if err != nil {
		return out, err
	}
	out.Postmortem = &pm
	return out, d.link(ctx, *rec, nil, Result{Postmortem: &pm})
}
