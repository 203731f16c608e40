package merge

import (
	"context"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// Facts are the read-only look-ups the plan is decided from. A look-up that failed leaves its
// problem here, so the merge's other steps still go ahead, as they do when a write fails.
type Facts struct {
	Release release.Facts
	// ReleaseProblem says why there is no tag to decide: the verify gate refuses it, or the tags
	// could not be read.
	ReleaseProblem error
	// GateNote is what the verify gate says of a tag it lets through unvouched ("" when vouched).
	GateNote        string
	ReleaseBranches []string // the open release branches, when the targets depend on them
	BranchesProblem error    // the release branches could not be read
	Postmortem      *github.Issue
	// PostmortemUnchecked says that Postmortem carries the marker but its author was not checked.
	PostmortemUnchecked bool
	PostmortemProblem   error            // the postmortem could not be looked up
	Record              *incident.Record // the incident the PR names, when its log can be read
	RecordProblem       error            // why the incident the PR names could not be read
	// IncidentUnread says that the PR names an incident, and the toolkit's login to read its log by is unknown.
	IncidentUnread bool
}

// mode is how facts reads: for a dry run's plan (GETs only, the login never asked) or for the
// run that applies the plan (the tags as release.Run reads them, the postmortem's author checked).
type mode bool

const (
	planning mode = true
	applying mode = false
)

// facts reads what Decide needs, writing nothing: the verify gate, then the tags (when the gate
// lets a tag through), the release branches (when a tag is decided and the targets depend on
// them), the incident's log and the postmortem already open.
func (d Deps) facts(ctx context.Context, pr *github.PullRequest, m mode) Facts {
	var f Facts
	if d.Policy.Release.VerifyRequired() {
		f.GateNote, f.ReleaseProblem = d.verifyGate(ctx, pr.GetHead().GetSHA())
	}
	if f.ReleaseProblem == nil {
		f.Release, f.ReleaseProblem = d.releaseFacts(ctx, pr, m)
	}
	if _, problem := d.decideTag(f); problem == "" && len(d.Policy.Backport.Targets) == 0 {
		f.ReleaseBranches, f.BranchesProblem = backport.Branches(ctx, d.Client, backport.Repo{Owner: d.Owner, Name: d.Name}, d.Policy.Branches.Release)
	}
	f.IncidentUnread = m == planning && incident.Ref(pr.GetBody()) > 0 && d.Identity == ""
	f.Record, f.RecordProblem = d.record(ctx, incident.Ref(pr.GetBody()))
	if f.RecordProblem != nil {
		f.Record = nil // the postmortem is then filled in from the PR alone
	}
	is, found, err := d.findPostmortem(ctx, pr, m)
	if found {
		f.Postmortem, f.PostmortemUnchecked = is, m == planning && d.Identity == ""
	}
	f.PostmortemProblem = err
	return f
}

// releaseFacts reads the tags: with GETs only for a plan, as release.Run does for the real run.
func (d Deps) releaseFacts(ctx context.Context, pr *github.PullRequest, m mode) (release.Facts, error) {
	cfg := d.releaseConfig()
	repo := release.Repo{Owner: d.Owner, Name: d.Name}
	merge := release.Merge{Base: pr.GetBase().GetRef(), Head: pr.GetHead().GetRef(), Target: pr.GetMergeCommitSHA()}
	if m == planning {
		return release.GETFacts(ctx, d.Client, repo, cfg.Prefix, cfg.Branches, merge)
	}
	return release.APIFacts(ctx, d.Client, repo, cfg.Prefix, cfg.Branches, merge)
}

// findPostmortem looks up the postmortem already open: by the toolkit's login, which a plan
// takes only from Identity (unchecked without it), and the real run asks when it must.
func (d Deps) findPostmortem(ctx context.Context, pr *github.PullRequest, m mode) (*github.Issue, bool, error) {
	marker := postmortem.Marker(postmortem.Facts{Incident: incident.Ref(pr.GetBody()), PR: postmortem.PRFrom(pr)})
	repo := postmortem.Repo{Owner: d.Owner, Name: d.Name}
	switch {
	case m == applying:
		return postmortem.FindBy(ctx, d.Client, repo, d.postmortemLabel(), marker, d.author())
	case d.Identity != "":
		return postmortem.FindBy(ctx, d.Client, repo, d.postmortemLabel(), marker, postmortem.Login(d.Identity))
	default:
		return postmortem.FindUnchecked(ctx, d.Client, repo, d.postmortemLabel(), marker)
	}
}

func (d Deps) postmortemLabel() string {
	if d.Policy.Postmortem.Label == "" {
		return "postmortem"
	}
	return d.Policy.Postmortem.Label
}
