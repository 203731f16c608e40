package deploy

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// lookBack is how long before a deploy's outcome the incidents that may have dispatched it were
// last updated: the list of incidents is narrowed to those.
const lookBack = 30 * 24 * time.Hour

// Recorded is what an outcome did to the incidents.
type Recorded struct {
	Outcome    Outcome            `json:"outcome"`
	Incident   int                `json:"incident,omitempty"`
	Already    bool               `json:"already,omitempty"` // a rerun, or the other event of the same deploy
	Skipped    string             `json:"skipped,omitempty"` // why nothing was recorded
	Postmortem *postmortem.Result `json:"postmortem,omitempty"`
}

// Record writes the outcome on the incident the tag belongs to: the newest incident, open ones
// first, whose log has the deploy of the tag (or, failing that, the tag) linked. The entry goes
// into the log at GitHub's time; the summary and the postmortem's timeline are refreshed.
func Record(ctx context.Context, c *github.Client, repo incident.Repo, out Outcome, o incident.Options) (Recorded, error) {
	res := Recorded{Outcome: out}
	rec, err := owner(ctx, c, repo, out, o)
	if err != nil || rec == nil {
		res.Skipped = fmt.Sprintf("no incident logs a deploy of %s", out.Tag)
		return res, err
	}
	res.Incident = rec.Number
	if rec.Deployed(out.Tag, out.Succeeded()) {
		res.Already = true
		return res, nil
	}
	cm, err := incident.Append(ctx, c, repo, rec.Number, out.Entry())
	if err != nil {
		return res, err
	}
	entries := rec.Entries
	if got, ok := incident.FromComment(cm, o.Identity); ok {
		entries = append(entries, got)
	}
	now, err := incident.Refresh(ctx, c, repo, rec.Number, entries, o)
	if err != nil {
		return res, err
	}
	res.Postmortem, err = incident.SyncPostmortem(ctx, c, repo, now, o)
	return res, err
}

// owner finds the incident the outcome's tag belongs to, or nil.
func owner(ctx context.Context, c *github.Client, repo incident.Repo, out Outcome, o incident.Options) (*incident.Record, error) {
	opts := &github.IssueListByRepoOptions{State: "all", Labels: []string{o.Label}, Since: out.At.Add(-lookBack),
		Sort: "created", Direction: "desc", ListOptions: github.ListOptions{PerPage: 100}}
	issues, _, err := c.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opts)
	if err != nil {
		return nil, fmt.Errorf("list the issues labelled %s: %w", o.Label, gh.Explain(err))
	}
	var found []incident.Record
	for _, is := range issues {
		if is.IsPullRequest() {
			continue
		}
		rec, err := incident.Load(ctx, c, repo, is.GetNumber(), o.Identity)
		if err != nil {
			return nil, err
		}
		if rec.Linked("deploy", 0, out.Tag) || rec.Linked("tag", 0, out.Tag) {
			found = append(found, rec)
		}
	}
	return pick(found, out.Tag), nil
}

// pick is the incident a tag's deploy belongs to among the records that link it, newest first:
// an open one that dispatched the deploy, then any that did, then one that links the tag.
func pick(found []incident.Record, tag string) *incident.Record {
	tests := []func(incident.Record) bool{
		func(r incident.Record) bool { return r.Open && r.Linked("deploy", 0, tag) },
		func(r incident.Record) bool { return r.Linked("deploy", 0, tag) },
		func(incident.Record) bool { return true },
	}
	for _, ok := range tests {
		if i := slices.IndexFunc(found, ok); i >= 0 {
			return &found[i]
		}
	}
	return nil
}
