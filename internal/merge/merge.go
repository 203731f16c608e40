// Package merge handles a merged hotfix pull request in one pass: the patch tag on its line,
// the backports that git-flow calls for (which name the tag), and the postmortem (which names
// both). A step that fails does not stop the next, and every failure is reported.
package merge

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// Result is what the merge of a hotfix PR came to: its tag, its backports and its postmortem.
type Result struct {
	Release    *release.Result    `json:"release,omitempty"`
	Deploy     *deploy.Result     `json:"deploy,omitempty"`
	Backports  []backport.Result  `json:"backports"`
	Postmortem *postmortem.Result `json:"postmortem,omitempty"`
	Incident   int                `json:"incident,omitempty"`
	Errors     []string           `json:"errors,omitempty"`
	// Warnings are what went wrong without making the merge's objects wrong, such as a PR that
	// names an issue that is not an incident.
	Warnings []string `json:"warnings,omitempty"`
}

// Deps are what the merge handling needs beyond the PR: the repository, the policy from the
// base branch, the clock, and the pacing of polls.
type Deps struct {
	Client      *github.Client
	Owner, Name string
	Policy      config.Policy
	// Template is the repository's postmortem template, read from the base branch; "" for the
	// built-in one.
	Template string
	Severity string // given by the caller; the PR's severity/P* label otherwise
	Now      func() time.Time
	Sleep    func(context.Context, time.Duration) error
	Tagger   release.Tagger
	// Identity is the login the toolkit writes incident logs as; without it, a PR's incident is
	// only named, not read or linked.
	Identity string
	// Author is the login the toolkit writes as, asked only when a marked postmortem is found
	// and Identity is empty; the token's GraphQL viewer when nil.
	Author postmortem.Author
}

// author is the postmortem's author check: Identity when known, else Author.
func (d Deps) author() postmortem.Author {
	if d.Identity != "" {
		return postmortem.Login(d.Identity)
	}
	return d.Author
}

// Handle handles a merged hotfix PR: it reads the facts, decides the plan (Decide, as a dry run
// does), and applies it: the tag first, then the backports (which name the tag), then the
// postmortem (which names both). A step that fails does not stop the next; every failure is
// returned, joined, and the run is red.
func Handle(ctx context.Context, d Deps, pr *github.PullRequest) (Result, error) {
	f := d.facts(ctx, pr, applying)
	return d.apply(ctx, pr, d.Decide(pr, f), f)
}

// issueURL is the web address of issue number in the PR's repository, from the PR's own address;
// "" for no issue, or a PR without an address.
func issueURL(pr *github.PullRequest, number int) string {
	repo, _, ok := strings.Cut(pr.GetHTMLURL(), "/pull/")
	if number <= 0 || !ok {
		return ""
	}
	return fmt.Sprintf("%s/issues/%d", repo, number)
}

func (d Deps) releaseConfig() release.Config {
	cfg := release.ConfigFor(d.Policy)
	cfg.Tagger = d.Tagger
	return cfg
}

// backport opens the backport PRs to targets.
func (d Deps) backport(ctx context.Context, pr *github.PullRequest, rel *release.Result, targets []backport.Target) ([]backport.Result, error) {
	repo := backport.Repo{Owner: d.Owner, Name: d.Name}
	rule := d.rule()
	h := backport.Hotfix{Number: pr.GetNumber(), Title: pr.GetTitle(), Branch: pr.GetHead().GetRef(), Base: pr.GetBase().GetRef(),
		MergeSHA: pr.GetMergeCommitSHA(), Incident: incident.Ref(pr.GetBody())}
	if rel != nil {
		h.Tag = rel.Tag
	}
	opts := backport.Options{Rule: rule, Labels: d.Policy.Backport.Labels, ConflictWarn: d.Policy.Backport.Conflict == config.ConflictWarn, Sleep: d.Sleep}
	return backport.Open(ctx, d.Client, repo, h, pr.GetHead().GetSHA(), targets, opts)
}

// targets reads the open release branches, when the targets depend on them, and decides the
// targets as the plan does (decideTargets).
func (d Deps) targets(ctx context.Context, pr *github.PullRequest, rel *release.Result) ([]backport.Target, error) {
	rule := d.rule()
	var branches []string
	if _, ok := d.shippedLine(rel); len(rule.Fixed) == 0 && ok {
		var err error
		if rel.BranchesRead { // the release read them with its tags
			branches = rel.ReleaseBranches
		} else if branches, err = backport.Branches(ctx, d.Client, backport.Repo{Owner: d.Owner, Name: d.Name}, rule.Release); err != nil {
			return nil, err
		}
	}
	return d.decideTargets(rule, pr, rel, branches), nil
}

// rule is the policy's backport rule.
func (d Deps) rule() backport.Rule {
	return backport.Rule{Develop: d.Policy.Branches.Develop, Release: d.Policy.Branches.Release, Fixed: d.Policy.Backport.Targets}
}

// postmortem opens the tracking issue, filled in with what the merge produced and, when the PR
// names an incident with a log, with the incident's own facts. A postmortem already open (a rerun,
// or a merge after /resolve) gets those facts refreshed in place: at most one PATCH.
func (d Deps) postmortem(ctx context.Context, pr *github.PullRequest, l Result, rec *incident.Record) (postmortem.Result, error) {
	f := d.prFacts(pr, l)
	if rec != nil {
		f = d.incidentFacts(*rec, pr, l)
	}
	repo := postmortem.Repo{Owner: d.Owner, Name: d.Name}
	opts := postmortem.Options{Template: d.Template, Label: d.Policy.Postmortem.Label, ActionLabel: d.Policy.Postmortem.ActionLabel,
		Author: d.author(), Fresh: f.Incident == 0 && l.Release != nil && l.Release.Created}
	return postmortem.Sync(ctx, d.Client, repo, f, opts)
}

// prFacts are the postmortem's facts from the PR and what the merge made.
func (d Deps) prFacts(pr *github.PullRequest, l Result) postmortem.Facts {
	f := postmortem.Facts{
		Title: pr.GetTitle(), Severity: d.severityOf(pr), Incident: l.Incident, Commander: pr.GetUser().GetLogin(),
		PR:       postmortem.PRFrom(pr),
		Opened:   d.Now().UTC(),
		DueAfter: d.dueAfter(),
	}
	if l.Release != nil {
		f.Tag = l.Release.Tag
	}
	for _, b := range l.Backports {
		if b.Number > 0 {
			f.Backports = append(f.Backports, postmortem.Backport{Target: b.Target.Branch, Number: b.Number, Conflict: b.Conflict})
		}
	}
	return f
}

func (d Deps) dueAfter() time.Duration {
	return time.Duration(d.Policy.Postmortem.DueHours) * time.Hour
}

// severityOf is --severity, else the PR's severity/P* label, else unknown.
func (d Deps) severityOf(pr *github.PullRequest) string {
	if d.Severity != "" {
		return d.Severity
	}
	return config.LabelSeverity(gh.LabelNames(pr.Labels))
}
