package merge

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
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
// once (what the log already links is not written again), each comment led by a sentence for
// the people in the incident, then re-renders the incident's summary so it shows them at once.
func (d Deps) link(ctx context.Context, r incident.Record, pr *github.PullRequest, l Result) error {
	repo := incident.Repo{Owner: d.Owner, Name: d.Name}
	entries, wrote := r.Entries, false
	for _, e := range linkEntries(pr, l) {
		if r.Linked(e.Kind, e.Number, e.Name) {
			continue
		}
		e.Type = incident.Linked
		cm, err := incident.Append(ctx, d.Client, repo, r.Number, e)
		if err != nil {
			return err
		}
		if got, ok := incident.FromComment(cm, d.Identity); ok {
			entries, wrote = append(entries, got), true
		}
	}
	if !wrote {
		return nil
	}
	_, err := incident.Refresh(ctx, d.Client, repo, r.Number, entries, incident.Options{Identity: d.Identity, Scale: d.scale(), Now: d.Now})
	return err
}

// scale is the severity scale under the policy.
func (d Deps) scale() incident.Scale {
	return incident.Severities.With(d.Policy.Incident.Cadences(), d.Policy.Incident.ActionItemDueDays)
}

// linkEntries are the entries that join what the merge made to the incident, each with its sentence.
func linkEntries(pr *github.PullRequest, l Result) []incident.Entry {
	var links []incident.Entry
	n := pr.GetNumber()
	if pr != nil {
		// Name keeps the PR's title, so a later hotfix's postmortem names this one by it too.
		links = append(links, incident.Entry{Kind: "pr", Number: n, Name: incident.Clip(strings.Join(strings.Fields(pr.GetTitle()), " "), 200),
			URL: pr.GetHTMLURL(), SHA: pr.GetMergeCommitSHA(), Opened: pr.GetCreatedAt().Time, At: pr.GetMergedAt().Time,
			Message: mergedSentence(pr, l.Release)})
	}
	if l.Release != nil {
		links = append(links, incident.Entry{Kind: "tag", Name: l.Release.Tag,
			Message: fmt.Sprintf("Tagged %s on the merge of hotfix #%d.", markdown.Code(l.Release.Tag), n)})
	}
	if l.Deploy != nil {
		links = append(links, deploy.LinkEntry(*l.Deploy))
	}
	for _, b := range l.Backports {
		if b.Number > 0 {
			links = append(links, incident.Entry{Kind: "backport", Number: b.Number, Name: b.Target.Branch, URL: b.URL, Message: backportSentence(n, b)})
		}
	}
	if l.Postmortem != nil {
		links = append(links, incident.Entry{Kind: "postmortem", Number: l.Postmortem.Number, URL: l.Postmortem.URL,
			Message: fmt.Sprintf("Postmortem #%d opened for this incident.", l.Postmortem.Number)})
	}
	return links
}

// mergedSentence says that the hotfix merged, where, and with which tag.
func mergedSentence(pr *github.PullRequest, rel *release.Result) string {
	s := fmt.Sprintf("Hotfix #%d merged into %s", pr.GetNumber(), markdown.Code(pr.GetBase().GetRef()))
	if rel != nil {
		s += " and tagged " + markdown.Code(rel.Tag)
	}
	return s + "."
}

// backportSentence says that a backport opened, and whether it needs a hand merge.
func backportSentence(n int, b backport.Result) string {
	s := fmt.Sprintf("Backport #%d of hotfix #%d opened to %s", b.Number, n, markdown.Code(b.Target.Branch))
	if b.Conflict {
		s += "; it conflicts and needs a hand merge"
	}
	return s + "."
}
