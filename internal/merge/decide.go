package merge

import (
	"fmt"
	"slices"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// Decide is the merge's plan from the facts. It is pure: no I/O, the same facts always give the
// same plan.
func (d Deps) Decide(pr *github.PullRequest, f Facts) Plan {
	p := Plan{PR: pr.GetNumber(), MergeCommit: pr.GetMergeCommitSHA(), Incident: incident.Ref(pr.GetBody()), Backports: []BackportPlan{}}
	var rel *release.Result
	if tag, problem := d.decideTag(f); problem != "" {
		p.TagProblem = problem
	} else {
		p.Tag, rel = &tag, &release.Result{Tag: tag.Tag}
	}
	p.Deploy = d.deployPlan(pr, rel)
	rule := backport.Rule{Develop: d.Policy.Branches.Develop, Release: d.Policy.Branches.Release, Fixed: d.Policy.Backport.Targets}
	for _, t := range d.decideTargets(rule, pr, rel, f.ReleaseBranches) {
		p.Backports = append(p.Backports, BackportPlan{Target: t.Branch, Branch: backport.BranchName(pr.GetHead().GetRef(), t.Branch), Reason: t.Reason})
	}
	p.Postmortem = PostmortemPlan{Action: "open", Title: postmortem.Title(d.prFacts(pr, Result{Incident: p.Incident}))}
	if f.Record != nil {
		p.Postmortem.Title = postmortem.Title(d.incidentFacts(*f.Record, pr, Result{Incident: p.Incident}))
	}
	if f.Postmortem != nil {
		p.Postmortem = PostmortemPlan{Action: "refresh", Number: f.Postmortem.GetNumber(), Title: f.Postmortem.GetTitle(), Unchecked: f.PostmortemUnchecked}
	}
	if f.Record != nil {
		p.Links = links(*f.Record, pr, p)
	}
	p.IncidentUnread = f.IncidentUnread
	return p
}

// decideTag is the release plan, or why there would be no tag.
func (d Deps) decideTag(f Facts) (release.Plan, string) {
	if f.ReleaseProblem != nil {
		return release.Plan{}, f.ReleaseProblem.Error()
	}
	plan, err := release.Decide(d.releaseConfig().Prefix, f.Release)
	if err != nil {
		return release.Plan{}, err.Error()
	}
	return plan, ""
}

// decideTargets are the backport targets, as backport decides them: the policy's fixed targets,
// the open release branches newer than the shipped line, else develop.
func (d Deps) decideTargets(rule backport.Rule, pr *github.PullRequest, rel *release.Result, branches []string) []backport.Target {
	if len(rule.Fixed) > 0 {
		return backport.Targets(rule, pr.GetBase().GetRef(), backport.Line{}, nil)
	}
	line, ok := d.shippedLine(rel)
	if !ok {
		return []backport.Target{{Branch: rule.Develop, Reason: "no release tag, so the line is unknown and only develop is a safe target"}}
	}
	return backport.Targets(rule, pr.GetBase().GetRef(), line, branches)
}

// shippedLine is the release line of the merge's tag; false when there is no tag to read it from.
func (d Deps) shippedLine(rel *release.Result) (backport.Line, bool) {
	if rel == nil {
		return backport.Line{}, false
	}
	tag, err := release.ParseTag(rel.Tag, d.Policy.Release.Prefix)
	return tag.Line(), err == nil
}

// links are the timeline entries the merge would add: what the log does not link yet.
func links(r incident.Record, pr *github.PullRequest, p Plan) []string {
	var out []string
	if !r.Linked("pr", pr.GetNumber(), "") {
		out = append(out, fmt.Sprintf("pr #%d", pr.GetNumber()))
	}
	if p.Tag != nil && !r.Linked("tag", 0, p.Tag.Tag) {
		out = append(out, "tag "+p.Tag.Tag)
	}
	for _, b := range p.Backports {
		if !slices.ContainsFunc(r.Links, func(a incident.Artifact) bool { return a.Kind == "backport" && a.Name == b.Target }) {
			out = append(out, "backport to "+b.Target)
		}
	}
	if p.Postmortem.Number == 0 || !r.Linked("postmortem", p.Postmortem.Number, "") {
		out = append(out, "postmortem")
	}
	return out
}
