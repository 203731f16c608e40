package prguard

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
)

// Names the guard writes under on GitHub.
const (
	// Context is the commit status's context, which branch protection can require.
	Context = "hotfix/guard"
	// Marker marks the guard's one comment on a pull request.
	Marker = "<!-- hotfix:guard -->"
)

// Note is one thing Publish did on GitHub, or could not do.
type Note struct {
	Text string
	// Refused is true for a write GitHub refused for lack of permission: shown as a warning, not
	// failed, since the annotations and the summary still carry the result.
	Refused bool
}

// PublishOptions say what Publish may write and where the run is.
type PublishOptions struct {
	DryRun bool   // write nothing
	Fork   bool   // a pull request from a fork, whose token is read-only: write nothing
	RunURL string // the workflow run's page for the status's link, or ""
	// Author is the login the toolkit writes as (internal/identity): only its comment with the
	// marker is the guard's. It is asked only for a pull request.
	Author func(context.Context) (string, error)
}

// Publish writes the outcome to GitHub: the commit status on the head commit and, for a pull
// request, the guard's comment. A dry run and a fork's read-only token write nothing; a write
// refused for lack of permission is a refused note, not a failure. It returns what was done, one
// note each.
func Publish(ctx context.Context, r Repo, target Target, o Outcome, opts PublishOptions) ([]Note, error) {
	switch {
	case opts.DryRun:
		return []Note{{Text: "dry run: no commit status or PR comment written"}}, nil
	case opts.Fork:
		return []Note{{Text: "pull request from a fork: its token is read-only, so no commit status or PR comment is written; the results are in the annotations and the step summary"}}, nil
	}
	var notes []Note
	note, err := setStatus(ctx, r, o, opts.RunURL)
	if notes, err = degrade(notes, "set the commit status "+Context, note, err); err != nil {
		return notes, err
	}
	if target.PR == nil {
		return notes, nil
	}
	if moved, err := headMoved(ctx, r, target.PR.GetNumber(), o.SHA); err != nil || moved != "" {
		return append(notes, Note{Text: moved}), err
	}
	note, err = upsertComment(ctx, r, target.PR.GetNumber(), o.commentBody(), opts.Author)
	return degrade(notes, "write the PR comment", note, err)
}

// degrade adds note, or turns a permission error into a refused note; other errors are returned.
func degrade(notes []Note, what, note string, err error) ([]Note, error) {
	switch {
	case err == nil:
		return append(notes, Note{Text: note}), nil
	case gh.Kind(err) == gh.Forbidden || gh.Kind(err) == gh.NotFound:
		return append(notes, Note{Text: fmt.Sprintf("could not %s: %v", what, gh.Explain(err)), Refused: true}), nil
	}
	return notes, fmt.Errorf("%s: %w", what, gh.Explain(err))
}

// setStatus sets the hotfix/guard status on the head commit, unless the latest one already
// says the same, so that a rerun adds no status.
// https://docs.github.com/rest/commits/statuses#create-a-commit-status
func setStatus(ctx context.Context, r Repo, o Outcome, target string) (string, error) {
	want := &github.RepoStatus{Context: github.String(Context), State: github.String(o.state()),
		Description: github.String(o.description())}
	if target != "" {
		want.TargetURL = github.String(target)
	}
	combined, _, err := r.Client.Repositories.GetCombinedStatus(ctx, r.Owner, r.Name, o.SHA, &github.ListOptions{PerPage: 100})
	if err != nil {
		return "", err
	}
	for _, s := range combined.Statuses {
		if s.GetContext() == Context && s.GetState() == want.GetState() && s.GetDescription() == want.GetDescription() && s.GetTargetURL() == want.GetTargetURL() {
			return fmt.Sprintf("commit status %s on %.12s already %s", Context, o.SHA, want.GetState()), nil
		}
	}
	if _, _, err := r.Client.Repositories.CreateStatus(ctx, r.Owner, r.Name, o.SHA, want); err != nil {
		return "", err
	}
	return fmt.Sprintf("commit status %s on %.12s set to %s", Context, o.SHA, want.GetState()), nil
}

// upsertComment makes sure the pull request has one guard comment with body: the comment
// with the marker written by the token's own user is edited in place, or created when there is
// none. A comment with the marker from anyone else is not the guard's.
func upsertComment(ctx context.Context, r Repo, number int, body string, author func(context.Context) (string, error)) (string, error) {
	if author == nil {
		author = identity.New(r.Client, "").Author("")
	}
	login, err := author(ctx)
	if err != nil {
		return "", err
	}
	created := false
	c, err := gh.Ensure(ctx,
		func(ctx context.Context) (*github.IssueComment, bool, error) {
			return findComment(ctx, r, number, login)
		},
		func(ctx context.Context) (*github.IssueComment, error) {
			c, _, err := r.Client.Issues.CreateComment(ctx, r.Owner, r.Name, number, &github.IssueComment{Body: github.String(body)})
			created = err == nil
			return c, err
		})
	switch {
	case err != nil:
		return "", err
	case created:
		return settle(ctx, r, number, login, c, body)
	case c.GetBody() == body:
		return "PR comment up to date: " + c.GetHTMLURL(), nil
	}
	if _, _, err := r.Client.Issues.EditComment(ctx, r.Owner, r.Name, c.GetID(), &github.IssueComment{Body: github.String(body)}); err != nil {
		return "", err
	}
	return "PR comment updated: " + c.GetHTMLURL(), nil
}

// findComment reads every page of the pull request's comments for the guard's: the marker,
// written by login.
func findComment(ctx context.Context, r Repo, number int, login string) (*github.IssueComment, bool, error) {
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		comments, resp, err := r.Client.Issues.ListComments(ctx, r.Owner, r.Name, number, opts)
		if err != nil {
			return nil, false, fmt.Errorf("comments of #%d: %w", number, err)
		}
		for _, c := range comments {
			if strings.Contains(c.GetBody(), Marker) && strings.EqualFold(c.GetUser().GetLogin(), login) {
				return c, true, nil
			}
		}
		if resp.NextPage == 0 {
			return nil, false, nil
		}
		opts.Page = resp.NextPage
	}
}
