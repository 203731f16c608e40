package merge

import (
	"context"
	"errors"

	"github.com/google/go-github/v60/github"
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

// Plan reads the facts and decides the plan from them, as Handle does before it applies the plan.
// It sends GitHub only GETs: the tags come from matching-refs (release.GETFacts), and the
// toolkit's login is Identity when set, never asked (the GraphQL viewer query is a POST), so
// without it the incident's log is not read and a marked postmortem is taken unchecked.
func (d Deps) Plan(ctx context.Context, pr *github.PullRequest) (Plan, error) {
	f := d.facts(ctx, pr, planning)
	if err := errors.Join(f.BranchesProblem, f.PostmortemProblem); err != nil {
		return Plan{}, err
	}
	return d.Decide(pr, f), nil
}
