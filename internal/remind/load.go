package remind

import (
	"context"
	"fmt"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Sources names the labels and settings the facts are read with.
type Sources struct {
	IncidentLabel, PostmortemLabel string
	Items                          actionitem.Options
	// PostmortemDue is how long after it opens a postmortem is due; postmortem.DueIn when zero.
	PostmortemDue time.Duration
	// Identity is the toolkit's own login: only its log comments and reminders count.
	Identity string
}

// World is what remind reads: the facts for Decide, and each postmortem with open items, whose
// table is regenerated so an item that fell overdue shows as overdue.
type World struct {
	Facts  Facts
	Tables []actionitem.Facts
}

// Load reads the open incidents (one request for the list, then each one's log), every
// postmortem, and every action item.
func Load(ctx context.Context, c *github.Client, repo postmortem.Repo, src Sources) (World, error) {
	var w World
	var err error
	if w.Facts.Incidents, err = incidents(ctx, c, repo, src); err != nil {
		return World{}, err
	}
	reviews, err := actionitem.List(ctx, c, repo, or2(src.PostmortemLabel, "postmortem"), "all")
	if err != nil {
		return World{}, err
	}
	items, err := actionitem.List(ctx, c, repo, or2(src.Items.Label, "postmortem-action"), "all")
	if err != nil {
		return World{}, err
	}
	for _, pm := range reviews {
		w.add(pm, items, src)
	}
	return w, nil
}

// add records an open postmortem as a review, and a postmortem's open items.
func (w *World) add(pm *github.Issue, issues []*github.Issue, src Sources) {
	if pm.GetState() == "open" {
		due := pm.GetCreatedAt().Add(or(src.PostmortemDue, postmortem.DueIn))
		w.Facts.Reviews = append(w.Facts.Reviews, Review{Number: pm.GetNumber(), Due: due, Owners: assignees(pm)})
	}
	items := actionitem.Of(issues, actionitem.ParentOf(pm), src.Items.DueDays)
	open := 0
	for _, it := range items {
		if it.Open {
			open++
			w.Facts.Items = append(w.Facts.Items, Item{Number: it.Number, Title: it.Title, Postmortem: pm.GetNumber(), Owners: it.Owners, Due: it.Due, Deadline: it.Deadline()})
		}
	}
	if open > 0 {
		w.Tables = append(w.Tables, actionitem.Facts{Postmortem: pm, Items: items})
	}
}

// incidents loads the open incidents' records.
func incidents(ctx context.Context, c *github.Client, repo postmortem.Repo, src Sources) ([]Incident, error) {
	open, err := actionitem.List(ctx, c, repo, or2(src.IncidentLabel, config.Default().Incident.Label), "open")
	if err != nil {
		return nil, err
	}
	var out []Incident
	for _, is := range open {
		r, err := incident.Load(ctx, c, incident.Repo(repo), is.GetNumber(), src.Identity)
		if err != nil {
			return nil, fmt.Errorf("remind: %w", gh.Explain(err))
		}
		if r.Open {
			out = append(out, Incident{Number: r.Number, Severity: r.Severity, Commander: r.Commander, LastUpdate: lastUpdate(r)})
		}
	}
	return out, nil
}

// lastUpdate is the latest update of the record, else its declaration.
func lastUpdate(r incident.Record) time.Time {
	if !r.LastUpdate.IsZero() {
		return r.LastUpdate
	}
	return r.Declared
}

func assignees(is *github.Issue) []string {
	var out []string
	for _, a := range is.Assignees {
		out = append(out, a.GetLogin())
	}
	return out
}

func or2(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
