package merge

import (
	"context"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// Plan is what the merge of a hotfix PR would do, decided from read-only look-ups: the tag to
// make (or the one already there), the backport targets and their branches, the postmortem to
// open or refresh, and what joins the incident's timeline. `hotfix run --dry-run` prints it.
type Plan struct {
	PR          int            `json:"pr"`
	MergeCommit string         `json:"merge_commit"`
	Tag         *release.Plan  `json:"tag,omitempty"`
	TagProblem  string         `json:"tag_problem,omitempty"` // why there would be no tag
	Deploy      string         `json:"deploy,omitempty"`      // the dispatch at the tag, or why none
	Backports   []BackportPlan `json:"backports"`
	Postmortem  PostmortemPlan `json:"postmortem"`
	Incident    int            `json:"incident,omitempty"`
	// Links are the entries the merge would add to the incident's timeline.
	Links []string `json:"incident_links,omitempty"`
}

// BackportPlan is one backport the merge would open (or find open, on a rerun).
type BackportPlan struct {
	Target string `json:"target"`
	Branch string `json:"branch"`
	Reason string `json:"reason"`
}

// PostmortemPlan says whether the postmortem would be opened, or the open one refreshed.
type PostmortemPlan struct {
	Action string `json:"action"` // "open" or "refresh"
	Number int    `json:"number,omitempty"`
	Title  string `json:"title"`
}

// Facts are the read-only look-ups the plan is decided from.
type Facts struct {
	Release         release.Facts
	ReleaseProblem  error            // the tags could not be read
	ReleaseBranches []string         // the open release branches, when the targets depend on them
	Postmortem      *github.Issue    // the postmortem already open, or nil
	Record          *incident.Record // the incident the PR names, when its log can be read
}

// Plan reads the facts (GET requests only) and decides the plan from them.
func (d Deps) Plan(ctx context.Context, pr *github.PullRequest) (Plan, error) {
	f, err := d.facts(ctx, pr)
	if err != nil {
		return Plan{}, err
	}
	return d.Decide(pr, f), nil
}

// facts reads what Decide needs, writing nothing.
func (d Deps) facts(ctx context.Context, pr *github.PullRequest) (Facts, error) {
	var f Facts
	cfg := d.releaseConfig()
	m := release.Merge{Base: pr.GetBase().GetRef(), Head: pr.GetHead().GetRef(), Target: pr.GetMergeCommitSHA()}
	f.Release, f.ReleaseProblem = release.APIFacts(ctx, d.Client, release.Repo{Owner: d.Owner, Name: d.Name}, cfg.Prefix, cfg.Branches, m)
	var err error
	if len(d.Policy.Backport.Targets) == 0 {
		if f.ReleaseBranches, err = backport.Branches(ctx, d.Client, backport.Repo{Owner: d.Owner, Name: d.Name}, d.Policy.Branches.Release); err != nil {
			return f, err
		}
	}
	if f.Record, err = d.record(ctx, incident.Ref(pr.GetBody())); err != nil {
		f.Record = nil // as Handle: the postmortem is then filled in from the PR alone
	}
	marker := postmortem.Marker(postmortem.Facts{Incident: incident.Ref(pr.GetBody()), PR: postmortem.PRFrom(pr)})
	is, found, err := postmortem.FindBy(ctx, d.Client, postmortem.Repo{Owner: d.Owner, Name: d.Name}, d.postmortemLabel(), marker, d.author())
	if found {
		f.Postmortem = is
	}
	return f, err
}

func (d Deps) postmortemLabel() string {
	if d.Policy.Postmortem.Label == "" {
		return "postmortem"
	}
	return d.Policy.Postmortem.Label
}
