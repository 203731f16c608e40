package merge

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// record loads the incident the PR names, when there is one and the toolkit's identity is known;
// its log gives the postmortem the incident's own title, severity and timestamps.
func (d Deps) record(ctx context.Context, number int) (*incident.Record, error) {
	if number == 0 || d.Identity == "" {
		return nil, nil
	}
	r, err := incident.Load(ctx, d.Client, incident.Repo{Owner: d.Owner, Name: d.Name}, number, d.Identity)
	if gh.Kind(err) == gh.NotFound {
		return nil, fmt.Errorf("#%d, named by the PR as its incident, does not exist", number)
	}
	if err != nil {
		return nil, fmt.Errorf("read incident #%d: %w", number, err)
	}
	if r.Declared.IsZero() {
		return nil, fmt.Errorf("#%d, named by the PR as its incident, has no incident log", number)
	}
	return &r, nil
}

// incidentFacts are the postmortem's facts from the incident's log, with what this merge made.
func (d Deps) incidentFacts(r incident.Record, pr *github.PullRequest, l Result) postmortem.Facts {
	base := d.prFacts(pr, l)
	f := incident.FactsFor(r, incident.Options{Now: d.Now, DueAfter: d.dueAfter()}, base.PR)
	f.AddFix(postmortem.Fix{PR: base.PR, Tag: base.Tag, Backports: base.Backports})
	if f.Severity == "" {
		f.Severity = base.Severity
	}
	return f
}

// link joins the PR, the tag, the backports and the postmortem to the incident's timeline, each
// once: what the log already links is not written again.
func (d Deps) link(ctx context.Context, r incident.Record, pr *github.PullRequest, l Result) error {
	var links []incident.Entry
	if pr != nil {
		links = append(links, incident.Entry{Kind: "pr", Number: pr.GetNumber(), URL: pr.GetHTMLURL()})
	}
	if l.Release != nil {
		links = append(links, incident.Entry{Kind: "tag", Name: l.Release.Tag})
	}
	for _, b := range l.Backports {
		if b.Number > 0 {
			links = append(links, incident.Entry{Kind: "backport", Number: b.Number, Name: b.Target.Branch, URL: b.URL})
		}
	}
	if l.Postmortem != nil {
		links = append(links, incident.Entry{Kind: "postmortem", Number: l.Postmortem.Number, URL: l.Postmortem.URL})
	}
	repo := incident.Repo{Owner: d.Owner, Name: d.Name}
	for _, e := range links {
		if r.Linked(e.Kind, e.Number, e.Name) {
			continue
		}
		e.Type = incident.Linked
		if _, err := incident.Append(ctx, d.Client, repo, r.Number, e); err != nil {
			return err
		}
	}
	return nil
}
