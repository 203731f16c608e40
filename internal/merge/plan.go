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
	Backports   []BackportPlan `json:"backports"`
	Postmortem  PostmortemPlan `json:"postmortem"`
	Incident    int            `json:"incident,omitempty"`
	// Links are the entries the merge would add to the incident's timeline.
	Links []string `json:"incident_links,omitempty"`
	// IncidentUnread says that the PR names an incident whose log was not read: only the
	// toolkit's login tells its entries, and a dry run does not ask GitHub for it.
	IncidentUnread bool `json:"incident_unread,omitempty"`
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
	// Unchecked says that the issue to refresh carries the postmortem's marker, but its author was
	// not checked: the toolkit's login was not named, and a dry run does not ask GitHub for it
	// (a POST). The real run refreshes it only if the toolkit wrote it, else opens its own.
	Unchecked bool `json:"unchecked,omitempty"`
}

// Facts are the read-only look-ups the plan is decided from.
type Facts struct {
	Release         release.Facts
	ReleaseProblem  error         // the tags could not be read
	ReleaseBranches []string      // the open release branches, when the targets depend on them
	Postmortem      *github.Issue // the postmortem already open, or nil
	// PostmortemUnchecked says that Postmortem carries the marker but its author was not checked.
	PostmortemUnchecked bool
	Record              *incident.Record // the incident the PR names, when its log can be read
	// IncidentUnread says that the PR names an incident, and the toolkit's login to read its log by is unknown.
	IncidentUnread bool
}

// Plan reads the facts and decides the plan from them. It sends GitHub only GETs: the toolkit's
// login is Identity when set, never asked (the GraphQL viewer query is a POST), so without it
// the incident's log is not read and a marked postmortem is taken unchecked.
func (d Deps) Plan(ctx context.Context, pr *github.PullRequest) (Plan, error) {
	f, err := d.facts(ctx, pr)
	if err != nil {
		return Plan{}, err
	}
	return d.Decide(pr, f), nil
}

// facts reads what Decide needs, with GET requests only.
func (d Deps) facts(ctx context.Context, pr *github.PullRequest) (Facts, error) {
	var f Facts
	cfg := d.releaseConfig()
	m := release.Merge{Base: pr.GetBase().GetRef(), Head: pr.GetHead().GetRef(), Target: pr.GetMergeCommitSHA()}
	f.Release, f.ReleaseProblem = release.GETFacts(ctx, d.Client, release.Repo{Owner: d.Owner, Name: d.Name}, cfg.Prefix, cfg.Branches, m)
	var err error
	if len(d.Policy.Backport.Targets) == 0 {
		if f.ReleaseBranches, err = backport.Branches(ctx, d.Client, backport.Repo{Owner: d.Owner, Name: d.Name}, d.Policy.Branches.Release); err != nil {
			return f, err
		}
	}
	f.IncidentUnread = incident.Ref(pr.GetBody()) > 0 && d.Identity == ""
	if f.Record, err = d.record(ctx, incident.Ref(pr.GetBody())); err != nil {
		f.Record = nil // as Handle: the postmortem is then filled in from the PR alone
	}
	marker := postmortem.Marker(postmortem.Facts{Incident: incident.Ref(pr.GetBody()), PR: postmortem.PRFrom(pr)})
	repo := postmortem.Repo{Owner: d.Owner, Name: d.Name}
	var is *github.Issue
	found := false
	if d.Identity != "" {
		is, found, err = postmortem.FindBy(ctx, d.Client, repo, d.postmortemLabel(), marker, postmortem.Login(d.Identity))
	} else {
		is, found, err = postmortem.FindUnchecked(ctx, d.Client, repo, d.postmortemLabel(), marker)
	}
	if found {
		f.Postmortem, f.PostmortemUnchecked = is, d.Identity == ""
	}
	return f, err
}

func (d Deps) postmortemLabel() string {
	if d.Policy.Postmortem.Label == "" {
		return "postmortem"
	}
	return d.Policy.Postmortem.Label
}
