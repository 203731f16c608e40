package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// landing is what the merge of a hotfix PR came to: its tag, its backports and its postmortem.
type landing struct {
	Release    *release.Result    `json:"release,omitempty"`
	Backports  []backport.Result  `json:"backports"`
	Postmortem *postmortem.Result `json:"postmortem,omitempty"`
	Incident   int                `json:"incident,omitempty"`
	Errors     []string           `json:"errors,omitempty"`
}

// mergeDeps are what the merge handling needs beyond the PR: the repository, the policy from
// the base branch, the clock, and the pacing of polls.
type mergeDeps struct {
	remote   remote
	policy   config.Policy
	severity string // from --severity; the PR's severity/P* label otherwise
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
	tagger   release.Tagger
}

// land handles a merged hotfix PR: the tag first, then the backports (which name the tag), then
// the postmortem (which names both). A step that fails does not stop the next; every failure is
// returned, joined, and the run is red.
func land(ctx context.Context, d mergeDeps, pr *github.PullRequest) (landing, error) {
	out := landing{Backports: []backport.Result{}, Incident: incident.Ref(pr.GetBody())}
	var errs []error
	rel, err := release.Run(ctx, d.remote.client, release.Input{Repo: release.Repo{Owner: d.remote.owner, Name: d.remote.name}, PR: pr}, d.releaseConfig())
	if err == nil {
		out.Release = &rel
	} else {
		errs = append(errs, fmt.Errorf("release: %w", err))
	}
	bps, err := d.backport(ctx, pr, out.Release)
	out.Backports = append(out.Backports, bps...)
	if err != nil {
		errs = append(errs, fmt.Errorf("backport: %w", err))
	}
	pm, err := d.postmortem(ctx, pr, out)
	if err == nil {
		out.Postmortem = &pm
	} else {
		errs = append(errs, fmt.Errorf("postmortem: %w", err))
	}
	for _, e := range errs {
		out.Errors = append(out.Errors, e.Error())
	}
	return out, errors.Join(errs...)
}

func (d mergeDeps) releaseConfig() release.Config {
	return release.Config{
		Prefix:   d.policy.Release.Prefix,
		Branches: release.Branches{Maintenance: d.policy.Branches.Release, Hotfix: d.policy.Branches.Hotfix},
		Tagger:   d.tagger,
	}
}

// backport opens the backport PRs. The targets follow git-flow from the line the hotfix shipped
// on; when no tag was made, the line is unknown and only develop is a safe target.
func (d mergeDeps) backport(ctx context.Context, pr *github.PullRequest, rel *release.Result) ([]backport.Result, error) {
	repo := backport.Repo{Owner: d.remote.owner, Name: d.remote.name}
	rule := backport.Rule{Develop: d.policy.Branches.Develop, Release: d.policy.Branches.Release, Fixed: d.policy.Backport.Targets}
	targets, err := d.targets(ctx, repo, rule, pr, rel)
	if err != nil {
		return nil, err
	}
	h := backport.Hotfix{Number: pr.GetNumber(), Title: pr.GetTitle(), Branch: pr.GetHead().GetRef(), Base: pr.GetBase().GetRef(),
		MergeSHA: pr.GetMergeCommitSHA(), Incident: incident.Ref(pr.GetBody())}
	if rel != nil {
		h.Tag = rel.Tag
	}
	opts := backport.Options{Rule: rule, Labels: d.policy.Backport.Labels, ConflictWarn: d.policy.Backport.Conflict == config.ConflictWarn, Sleep: d.sleep}
	return backport.Open(ctx, d.remote.client, repo, h, pr.GetHead().GetSHA(), targets, opts)
}

func (d mergeDeps) targets(ctx context.Context, repo backport.Repo, rule backport.Rule, pr *github.PullRequest, rel *release.Result) ([]backport.Target, error) {
	if len(rule.Fixed) > 0 {
		return backport.Targets(rule, pr.GetBase().GetRef(), backport.Line{}, nil), nil
	}
	shipped, ok := backport.Line{}, false
	if rel != nil {
		shipped, ok = backport.ParseLine(strings.TrimPrefix(rel.Tag, d.policy.Release.Prefix))
	}
	if !ok {
		return []backport.Target{{Branch: rule.Develop, Reason: "no release tag was made, so the line is unknown and only develop is a safe target"}}, nil
	}
	branches, err := backport.Branches(ctx, d.remote.client, repo, rule.Release)
	if err != nil {
		return nil, err
	}
	return backport.Targets(rule, pr.GetBase().GetRef(), shipped, branches), nil
}

// postmortem opens the tracking issue, filled in with what the merge produced.
func (d mergeDeps) postmortem(ctx context.Context, pr *github.PullRequest, l landing) (postmortem.Result, error) {
	f := postmortem.Facts{
		Title: pr.GetTitle(), Severity: d.severityOf(pr), Incident: l.Incident, Commander: pr.GetUser().GetLogin(),
		PR: postmortem.PR{Number: pr.GetNumber(), Title: pr.GetTitle(), URL: pr.GetHTMLURL(), Author: pr.GetUser().GetLogin(),
			Opened: pr.GetCreatedAt().Time, Merged: pr.GetMergedAt().Time, MergeSHA: pr.GetMergeCommitSHA()},
		Opened:   d.now().UTC(),
		DueAfter: time.Duration(d.policy.Postmortem.DueHours) * time.Hour,
	}
	if l.Release != nil {
		f.Tag = l.Release.Tag
	}
	for _, b := range l.Backports {
		if b.Number > 0 {
			f.Backports = append(f.Backports, postmortem.Backport{Target: b.Target.Branch, Number: b.Number, Conflict: b.Conflict})
		}
	}
	tmpl, err := d.template(ctx, pr.GetBase().GetRef())
	if err != nil {
		return postmortem.Result{}, err
	}
	repo := postmortem.Repo{Owner: d.remote.owner, Name: d.remote.name}
	return postmortem.Open(ctx, d.remote.client, repo, f, postmortem.Options{Template: tmpl, Label: d.policy.Postmortem.Label, ActionLabel: d.policy.Postmortem.ActionLabel})
}

// template reads the repository's own postmortem template from the base branch, when the policy
// names one.
func (d mergeDeps) template(ctx context.Context, base string) (string, error) {
	path := d.policy.Postmortem.Template
	if path == "" {
		return "", nil
	}
	data, found, err := d.remote.file(ctx, base, path)
	if err != nil {
		return "", err
	}
	if !found {
		return "", fmt.Errorf("the policy's postmortem template %s is not on %s", path, base)
	}
	return string(data), nil
}

// severityOf is --severity, else the PR's severity/P* label, else unknown.
func (d mergeDeps) severityOf(pr *github.PullRequest) string {
	if d.severity != "" {
		return d.severity
	}
	for _, l := range pr.Labels {
		if s, ok := strings.CutPrefix(l.GetName(), "severity/"); ok && slices.Contains(config.Severities, s) {
			return s
		}
	}
	return ""
}
