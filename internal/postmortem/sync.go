package postmortem

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Sync opens the postmortem as Open does or, when it is already open, refreshes the facts the
// toolkit owns (see Refresh) and keeps whatever people wrote. The postmortem opened when its issue
// was created, so that time, not f.Opened, dates a refreshed body. A refresh costs what Open's
// look-up costs plus at most one PATCH, and none when the facts are unchanged.
func Sync(ctx context.Context, c *github.Client, repo Repo, f Facts, opts Options) (Result, error) {
	opts = opts.withDefaults()
	issue, created, err := open(ctx, c, repo, f, opts)
	if err != nil {
		return Result{}, err
	}
	res := Result{Number: issue.GetNumber(), URL: issue.GetHTMLURL(), Created: created}
	if created {
		return res, nil
	}
	if !issue.GetCreatedAt().IsZero() {
		f.Opened = issue.GetCreatedAt().UTC()
	}
	r, err := Refresh(issue.GetBody(), f, opts.Template, opts.ActionLabel)
	if err != nil {
		return res, fmt.Errorf("refresh postmortem #%d: %w", res.Number, err)
	}
	res.Kept = r.Kept
	if !r.Changed {
		return res, nil
	}
	if err := Update(ctx, c, repo, res.Number, r.Body); err != nil {
		return res, err
	}
	res.Refreshed = true
	return res, nil
}

// Update replaces the body of postmortem number: one PATCH.
// See https://docs.github.com/rest/issues/issues#update-an-issue
func Update(ctx context.Context, c *github.Client, repo Repo, number int, body string) error {
	if _, _, err := c.Issues.Edit(ctx, repo.Owner, repo.Name, number, &github.IssueRequest{Body: &body}); err != nil {
		return fmt.Errorf("update postmortem #%d: %w", number, gh.Explain(err))
	}
	return nil
}
