package statuspage

import (
	"context"
	"fmt"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// Source says where the incidents are: the repository, the label that marks them, and the
// login whose log comments count (incident.Load ignores every other author).
type Source struct {
	Repo     incident.Repo
	Label    string
	Identity string
}

// Load reads the incidents the page shows: every open issue with the label, and the closed
// ones updated at or after since, a hundred a page, each folded from its log. Pull requests
// are left out. progress is told of each page of issues read.
func Load(ctx context.Context, c *github.Client, src Source, since time.Time, progress func(string)) ([]incident.Record, error) {
	open, err := list(ctx, c, src, &github.IssueListByRepoOptions{State: "open"}, progress)
	if err != nil {
		return nil, err
	}
	closed, err := list(ctx, c, src, &github.IssueListByRepoOptions{State: "closed", Since: since}, progress)
	if err != nil {
		return nil, err
	}
	return append(open, closed...), nil
}

// list reads the issues opts lists, with the label, and each one's record.
func list(ctx context.Context, c *github.Client, src Source, opts *github.IssueListByRepoOptions, progress func(string)) ([]incident.Record, error) {
	opts.Labels, opts.PerPage = []string{src.Label}, 100
	var out []incident.Record
	for {
		issues, resp, err := c.Issues.ListByRepo(ctx, src.Repo.Owner, src.Repo.Name, opts)
		if err != nil {
			return nil, fmt.Errorf("list the %s issues labelled %s: %w", opts.State, src.Label, gh.Explain(err))
		}
		progress(fmt.Sprintf("read %d %s incident issue(s), page %d", len(issues), opts.State, max(opts.Page, 1)))
		for _, is := range issues {
			if is.IsPullRequest() {
				continue
			}
			r, err := incident.Load(ctx, c, src.Repo, is.GetNumber(), src.Identity)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}
