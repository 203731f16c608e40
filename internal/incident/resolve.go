package incident

import (
	"context"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Facts are the postmortem's facts from the record: the timestamps kept apart, the timeline
// (without the entries the postmortem adds from the timestamps itself), and the linked PR, tag and
// backports.
func Facts(r Record, o Options) postmortem.Facts {
	f := postmortem.Facts{Title: r.Title, Severity: r.Severity, Incident: r.Number, Commander: r.Commander, Service: r.Service,
		ImpactStart: r.ImpactStart, Declared: r.Declared, Acknowledged: r.Acknowledged, Mitigated: r.Mitigated, Resolved: r.Resolved,
		Opened: o.Now().UTC(), DueAfter: o.DueAfter}
	for _, e := range r.Events {
		if e.Type != Declared && e.Type != Resolved && e.Type != ImpactStart && !(e.Type == Mitigated && e.At.Equal(r.Mitigated)) {
			f.Events = append(f.Events, postmortem.Event{At: e.At, What: e.Text})
		}
	}
	for _, l := range r.Links {
		switch l.Kind {
		case "pr":
			f.PR = postmortem.PR{Number: l.Number, URL: l.URL}
		case "tag":
			f.Tag = l.Name
		case "backport":
			f.Backports = append(f.Backports, postmortem.Backport{Number: l.Number, Target: l.Name})
		}
	}
	return f
}

// openPostmortem opens the postmortem unless the incident has one, and links it.
func openPostmortem(ctx context.Context, c *github.Client, repo Repo, r Record, o Options) (*postmortem.Result, error) {
	opts := o.Postmortem
	if opts.Author == nil {
		opts.Author = postmortem.Login(o.Identity)
	}
	res, err := postmortem.Open(ctx, c, postmortem.Repo(repo), Facts(r, o), opts)
	if err != nil {
		return nil, err
	}
	link := Entry{Kind: "postmortem", Number: res.Number, URL: res.URL}
	if !r.Linked(link.Kind, link.Number, link.Name) {
		link.Type, link.Message = Linked, linkText(link)+": "+res.URL
		if _, err := Append(ctx, c, repo, r.Number, link); err != nil {
			return &res, err
		}
	}
	return &res, nil
}
