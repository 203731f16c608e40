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
	// The rest a plan reads; the real run reads them right before it writes (see facts).
	Postmortem *github.Issue
	// PostmortemUnchecked says that Postmortem carries the marker but its author was not checked.
	PostmortemUnchecked bool
	PostmortemProblem   error            // the postmortem could not be looked up
	Record              *incident.Record // the incident the PR names, when its log can be read
	RecordProblem       error            // why the incident the PR names could not be read
	// IncidentUnread says that the PR names an incident, and the toolkit's login to read its log by is unknown.
	IncidentUnread bool
}

// mode is how facts reads: for a dry run's plan (GETs only, the login never asked, with the
// incident's log and the postmortem) or for the run that applies the plan (the tags as release.Run
// reads them).
type mode bool

const (
	planning mode = true
	applying mode = false
)

// facts reads what Decide needs, writing nothing: the verify gate, then the tags (when the gate
// lets a tag through) and the release branches (when a tag is decided and the targets depend on
// them). A plan also reads the incident's log and the postmortem already open; the real run reads
// those right before it writes them (see apply), so that a concurrent run of the same merge,
// whose tag and backports have meanwhile been made, is found and not written twice.
func (d Deps) facts(ctx context.Context, pr *github.PullRequest, m mode) Facts {
	var f Facts
	if d.Policy.Release.VerifyRequired() {
		f.GateNote, f.ReleaseProblem = d.verifyGate(ctx, pr.GetHead().GetSHA())
	}
	if f.ReleaseProblem == nil {
		f.Release, f.ReleaseProblem = d.releaseFacts(ctx, pr, m)
	}
	if _, problem := d.decideTag(f); problem == "" && len(d.Policy.Backport.Targets) == 0 {
		if f.Release.BranchesRead { // the release read them with its tags
			f.ReleaseBranches = f.Release.ReleaseBranches
		} else {
			f.ReleaseBranches, f.BranchesProblem = backport.Branches(ctx, d.Client, backport.Repo{Owner: d.Owner, Name: d.Name}, d.Policy.Branches.Release)
		}
	}
	if m == planning {
		d.planFacts(ctx, pr, &f)
	}
	return f
}

// planFacts reads, for a plan, the incident's log and the postmortem already open.
func (d Deps) planFacts(ctx context.Context, pr *github.PullRequest, f *Facts) {
	f.IncidentUnread = incident.Ref(pr.GetBody()) > 0 && d.Identity == ""
	f.Record, f.RecordProblem = d.record(ctx, incident.Ref(pr.GetBody()))
	if f.RecordProblem != nil {
		f.Record = nil // the postmortem is then filled in from the PR alone
	}
	is, found, err := d.findPostmortem(ctx, pr)
	if found {
		f.Postmortem, f.PostmortemUnchecked = is, d.Identity == ""
	}
	f.PostmortemProblem = err
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

// findPostmortem looks up the postmortem already open for a plan: by the toolkit's login when
// Identity names it, else unchecked (a plan never asks GitHub for the login).
func (d Deps) findPostmortem(ctx context.Context, pr *github.PullRequest) (*github.Issue, bool, error) {
	marker := postmortem.Marker(postmortem.Facts{Incident: incident.Ref(pr.GetBody()), PR: postmortem.PRFrom(pr)})
	repo := postmortem.Repo{Owner: d.Owner, Name: d.Name}
	if d.Identity != "" {
		return postmortem.FindBy(ctx, d.Client, repo, d.postmortemLabel(), marker, postmortem.Login(d.Identity))
	}
	return postmortem.FindUnchecked(ctx, d.Client, repo, d.postmortemLabel(), marker)
}

func (d Deps) postmortemLabel() string {
	if d.Policy.Postmortem.Label == "" {
		return "postmortem"
	}
	return d.Policy.Postmortem.Label
}
