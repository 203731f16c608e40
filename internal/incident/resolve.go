package incident

import (
	"context"
	"fmt"
	"slices"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Facts are the postmortem's facts from the record alone: the timestamps kept apart, the timeline
// (without the entries the postmortem adds from the timestamps itself), and the linked PR, tag and
// backports. See FactsFor for the hotfix PR's own facts.
func Facts(r Record, o Options) postmortem.Facts {
	return FactsFor(r, o, postmortem.PR{})
}

// FactsFor are the postmortem's facts from the record, with the hotfix PR as GitHub has it when
// pr.Number is set. Once the PR's merge time is known, the postmortem's timeline shows the PR, its
// tag and its backports at the merge, so their "linked" entries are left out; the postmortem's
// own link always is.
func FactsFor(r Record, o Options, pr postmortem.PR) postmortem.Facts {
	f := postmortem.Facts{Title: r.Title, Severity: r.Severity, Incident: r.Number, Commander: r.Commander, Service: r.Service,
		ImpactStart: r.ImpactStart, Declared: r.Declared, Acknowledged: r.Acknowledged, Mitigated: r.Mitigated, Resolved: r.Resolved,
		Opened: o.Now().UTC(), DueAfter: o.DueAfter}
	for _, x := range fixes(r.Links) {
		f.AddFix(x)
	}
	if pr.Number > 0 {
		f.AddFix(postmortem.Fix{PR: pr})
	}
	for _, e := range r.Events {
		if e.Type != Declared && e.Type != Resolved && e.Type != ImpactStart && e.Type != Linked && !(e.Type == Mitigated && e.At.Equal(r.Mitigated)) {
			f.Events = append(f.Events, postmortem.Event{At: e.At, What: e.Text, Who: e.Who})
		}
	}
	for _, l := range r.Links {
		if !shown(f, l) {
			f.Events = append(f.Events, postmortem.Event{At: l.At, What: linkText(Entry{Kind: l.Kind, Number: l.Number, Name: l.Name})})
		}
	}
	return f
}

// fixes groups the linked PRs with their tags and backports: a merge links its PR first, then
// the tag and the backports it made, so each tag or backport belongs to the PR linked before it.
func fixes(links []Artifact) []postmortem.Fix {
	var out []postmortem.Fix
	for _, l := range links {
		if l.Kind == "pr" {
			// Name is the title, SHA, Opened and Merged the PR's history, when the link kept them.
			out = append(out, postmortem.Fix{PR: postmortem.PR{Number: l.Number, Title: l.Name, URL: l.URL, MergeSHA: l.SHA, Opened: l.Opened, Merged: l.Merged}})
			continue
		}
		if len(out) == 0 || (l.Kind != "tag" && l.Kind != "backport") {
			continue
		}
		last := &out[len(out)-1]
		if l.Kind == "tag" {
			last.Tag = l.Name
		} else {
			last.Backports = append(last.Backports, postmortem.Backport{Number: l.Number, Target: l.Name})
		}
	}
	return out
}

// shown reports whether the postmortem shows link l without its log entry: the postmortem
// itself, and the PRs, tags and backports that its timeline puts at each fix's merge.
func shown(f postmortem.Facts, l Artifact) bool {
	if l.Kind == "postmortem" {
		return true
	}
	for _, x := range f.AllFixes() {
		switch {
		case x.PR.Merged.IsZero():
		case l.Kind == "pr" && l.Number == x.PR.Number, l.Kind == "tag" && l.Name == x.Tag,
			l.Kind == "backport" && slices.ContainsFunc(x.Backports, func(b postmortem.Backport) bool { return b.Number == l.Number }):
			return true
		}
	}
	return false
}

// openPostmortem opens the postmortem, or refreshes the one the incident has with the record's
// facts now (the resolution, the true duration), and links it. The hotfix PR the record links is
// read once, for its title and merge time. That is one GET when a PR is linked, then the
// postmortem's look-up, and at most one PATCH (none when nothing changed).
func openPostmortem(ctx context.Context, c *github.Client, repo Repo, r Record, o Options) (*postmortem.Result, error) {
	opts := o.Postmortem
	if opts.Author == nil {
		opts.Author = postmortem.Login(o.Identity)
	}
	pr, err := hotfixPR(ctx, c, repo, r)
	if err != nil {
		return nil, err
	}
	res, err := postmortem.Sync(ctx, c, postmortem.Repo(repo), FactsFor(r, o, pr), opts)
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

// hotfixPR reads the hotfix PR the record links last, as GitHub has it; the zero PR when none is.
func hotfixPR(ctx context.Context, c *github.Client, repo Repo, r Record) (postmortem.PR, error) {
	number := 0
	for _, l := range r.Links {
		if l.Kind == "pr" {
			number = l.Number
		}
	}
	if number == 0 {
		return postmortem.PR{}, nil
	}
	pr, _, err := c.PullRequests.Get(ctx, repo.Owner, repo.Name, number)
	if err != nil {
		return postmortem.PR{}, fmt.Errorf("read hotfix PR #%d of incident #%d: %w", number, r.Number, gh.Explain(err))
	}
	return postmortem.PRFrom(pr), nil
}
