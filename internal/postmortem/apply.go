package postmortem

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Repo names the repository.
type Repo struct{ Owner, Name string }

// Options are the policy's postmortem settings.
type Options struct {
	Template    string // a text/template body; DefaultTemplate when empty
	Label       string // the postmortem label; "postmortem" when empty
	ActionLabel string // the action-item label; "postmortem-action" when empty
	// Author is the login the toolkit writes as: only its issues count as the postmortem. The
	// token's own login (TokenLogin) when nil.
	Author Author
	// Fresh says that no run can have opened this postmortem before: the caller made the step
	// that comes before it in every run (the merge created the tag). Open then creates it
	// without looking for it first; the settle after creating still finds a concurrent copy.
	Fresh bool
}

// Result is the postmortem issue.
type Result struct {
	Number  int    `json:"number"`
	URL     string `json:"url"`
	Created bool   `json:"created"`
	// Refreshed says that Sync rewrote the facts of a postmortem already open.
	Refreshed bool `json:"refreshed,omitempty"`
	// Kept names the fact regions Sync left alone, missing from the body or the template.
	Kept []string `json:"kept,omitempty"`
}

func (o Options) withDefaults() Options {
	if o.Label == "" {
		o.Label = "postmortem"
	}
	if o.ActionLabel == "" {
		o.ActionLabel = "postmortem-action"
	}
	return o
}

// Open opens the postmortem issue, or finds the one already open for the same incident (or PR)
// by its hidden marker among the issues with the postmortem label. It never leaves a second one
// open: a copy that a concurrent run of the same event opened is closed (see settle). It leaves
// one it finds as it is (Sync refreshes it).
func Open(ctx context.Context, c *github.Client, repo Repo, f Facts, opts Options) (Result, error) {
	issue, created, err := open(ctx, c, repo, f, opts.withDefaults())
	if err != nil {
		return Result{}, err
	}
	return Result{Number: issue.GetNumber(), URL: issue.GetHTMLURL(), Created: created}, nil
}

// open finds the postmortem or creates it: the issue, and whether this call created it.
func open(ctx context.Context, c *github.Client, repo Repo, f Facts, opts Options) (*github.Issue, bool, error) {
	body, err := Render(opts.Template, f, opts.ActionLabel)
	if err != nil {
		return nil, false, err
	}
	created, looked := false, !opts.Fresh
	find := func(ctx context.Context) (*github.Issue, bool, error) {
		if !looked { // a fresh postmortem: nothing to find the first time
			looked = true
			return nil, false, nil
		}
		return FindBy(ctx, c, repo, opts.Label, Marker(f), opts.Author)
	}
	create := func(ctx context.Context) (*github.Issue, error) {
		issue, _, err := c.Issues.Create(ctx, repo.Owner, repo.Name, newIssue(f, body, opts))
		created = err == nil
		return issue, err
	}
	issue, err := gh.Ensure(ctx, find, create)
	if err != nil {
		return nil, false, fmt.Errorf("open the postmortem %q: %w", Title(f), gh.Explain(err))
	}
	if !created {
		return issue, false, nil
	}
	winner, other, err := settle(ctx, c, repo, issue, Marker(f), opts.Label)
	if err != nil {
		return issue, true, err
	}
	return winner, !other, nil
}

// newIssue is the issue to create: title, body, labels and the assignee.
func newIssue(f Facts, body string, opts Options) *github.IssueRequest {
	title := Title(f)
	labels := []string{opts.Label}
	if f.Severity != "" {
		labels = append(labels, "severity/"+f.Severity)
	}
	req := &github.IssueRequest{Title: &title, Body: &body, Labels: &labels}
	if f.Commander != "" {
		req.Assignees = &[]string{f.Commander}
	}
	return req
}

// Find looks for the issue with label whose body starts with marker and whose author is the
// token's own login (see FindBy).
func Find(ctx context.Context, c *github.Client, repo Repo, label, marker string) (*github.Issue, bool, error) {
	return FindBy(ctx, c, repo, label, marker, TokenLogin(c))
}

// FindBy looks for the issue with label whose body starts with marker, a hundred issues a
// request. An issue with the marker that author (TokenLogin(c) when nil) did not write is a
// look-alike, and is passed over.
func FindBy(ctx context.Context, c *github.Client, repo Repo, label, marker string, author Author) (*github.Issue, bool, error) {
	return FindWhere(ctx, c, repo, label, func(is *github.Issue) bool { return strings.HasPrefix(is.GetBody(), marker) }, author)
}

// FindWhere is FindBy with any test of the issue in place of the marker.
func FindWhere(ctx context.Context, c *github.Client, repo Repo, label string, match func(*github.Issue) bool, author Author) (*github.Issue, bool, error) {
	if author == nil {
		author = TokenLogin(c)
	}
	return findWhere(ctx, c, repo, label, match, (&authorCheck{author: author}).wrote)
}

// FindUnchecked is FindBy without the author check: the first issue with label whose body
// starts with marker, whoever wrote it. It is for a dry run, which sends GitHub only GETs and so
// can't ask who the toolkit is; it must say that the issue is the toolkit's only if its author is.
func FindUnchecked(ctx context.Context, c *github.Client, repo Repo, label, marker string) (*github.Issue, bool, error) {
	anyone := func(context.Context, *github.Issue) (bool, error) { return true, nil }
	return findWhere(ctx, c, repo, label, func(is *github.Issue) bool { return strings.HasPrefix(is.GetBody(), marker) }, anyone)
}

// findWhere lists the issues with label, a hundred a request, newest first, until a page holds
// one that matches and accept takes; of those on that page, the lowest-numbered, so that a run
// agrees with settle when two runs have just opened one each.
func findWhere(ctx context.Context, c *github.Client, repo Repo, label string, match func(*github.Issue) bool,
	accept func(context.Context, *github.Issue) (bool, error)) (*github.Issue, bool, error) {
	opts := &github.IssueListByRepoOptions{State: "all", Labels: []string{label}, ListOptions: github.ListOptions{PerPage: 100}}
	for {
		issues, resp, err := c.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opts)
		if err != nil {
			return nil, false, err
		}
		found, err := lowestAccepted(ctx, issues, match, accept)
		if err != nil || found != nil {
			return found, found != nil, err
		}
		if resp.NextPage == 0 {
			return nil, false, nil
		}
		opts.Page = resp.NextPage
	}
}

// lowestAccepted is the lowest-numbered issue of a page that matches and accept takes, or nil.
func lowestAccepted(ctx context.Context, issues []*github.Issue, match func(*github.Issue) bool,
	accept func(context.Context, *github.Issue) (bool, error)) (*github.Issue, error) {
	var found *github.Issue
	for _, is := range issues {
		if !match(is) || (found != nil && found.GetNumber() < is.GetNumber()) {
			continue
		}
		ours, err := accept(ctx, is)
		if err != nil {
			return nil, err
		}
		if ours {
			found = is
		}
	}
	return found, nil
}
