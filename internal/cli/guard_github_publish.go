package cli

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Names the guard writes under on GitHub.
const (
	// guardContext is the commit status's context, which branch protection can require.
	guardContext = "hotfix/guard"
	// guardMarker marks the guard's one comment on a pull request.
	guardMarker = "<!-- hotfix:guard -->"
	// maxStatusDescription is GitHub's limit on a commit status description, in characters.
	maxStatusDescription = 140
)

// publish writes the outcome to GitHub: the commit status on the head commit and, for a pull
// request, the guard's comment. A dry run and a fork's read-only token write nothing; a write
// refused for lack of permission is a note, not a failure, since the annotations and the summary
// still carry the result. It returns what was done, one note each.
func publish(ctx context.Context, r remote, t event.Trigger, target guardTarget, o guardOutcome, dryRun bool) ([]string, error) {
	switch {
	case dryRun:
		return []string{"dry run: no commit status or PR comment written"}, nil
	case t.Fork:
		return []string{"pull request from a fork: its token is read-only, so no commit status or PR comment is written; the results are in the annotations and the step summary"}, nil
	}
	var notes []string
	note, err := setGuardStatus(ctx, r, o, runURL(t))
	if notes, err = degrade(notes, "set the commit status "+guardContext, note, err); err != nil {
		return notes, err
	}
	if target.pr == nil {
		return notes, nil
	}
	note, err = upsertGuardComment(ctx, r, target.pr.GetNumber(), o.commentBody())
	return degrade(notes, "write the PR comment", note, err)
}

// degrade adds note, or turns a permission error into a note; other errors are returned.
func degrade(notes []string, what, note string, err error) ([]string, error) {
	switch {
	case err == nil:
		return append(notes, note), nil
	case gh.Kind(err) == gh.Forbidden || gh.Kind(err) == gh.NotFound:
		return append(notes, fmt.Sprintf("could not %s: %v", what, gh.Explain(err))), nil
	}
	return notes, fmt.Errorf("%s: %w", what, gh.Explain(err))
}

// runURL is the workflow run's page, or "" outside a run.
func runURL(t event.Trigger) string {
	if t.RunID == 0 {
		return ""
	}
	return fmt.Sprintf("%s/%s/actions/runs/%d", t.ServerURL, t.Repo, t.RunID)
}

// setGuardStatus sets the hotfix/guard status on the head commit, unless the latest one already
// says the same, so that a rerun adds no status.
// https://docs.github.com/rest/commits/statuses#create-a-commit-status
func setGuardStatus(ctx context.Context, r remote, o guardOutcome, target string) (string, error) {
	want := &github.RepoStatus{Context: github.String(guardContext), State: github.String(o.state()),
		Description: github.String(o.description())}
	if target != "" {
		want.TargetURL = github.String(target)
	}
	combined, _, err := r.client.Repositories.GetCombinedStatus(ctx, r.owner, r.name, o.sha, &github.ListOptions{PerPage: 100})
	if err != nil {
		return "", err
	}
	for _, s := range combined.Statuses {
		if s.GetContext() == guardContext && s.GetState() == want.GetState() && s.GetDescription() == want.GetDescription() && s.GetTargetURL() == want.GetTargetURL() {
			return fmt.Sprintf("commit status %s on %.12s already %s", guardContext, o.sha, want.GetState()), nil
		}
	}
	if _, _, err := r.client.Repositories.CreateStatus(ctx, r.owner, r.name, o.sha, want); err != nil {
		return "", err
	}
	return fmt.Sprintf("commit status %s on %.12s set to %s", guardContext, o.sha, want.GetState()), nil
}

// state is the commit status state for the verdict.
func (o guardOutcome) state() string {
	if o.res.Verdict == guard.Fail {
		return "failure"
	}
	return "success"
}

// description sums the outcome up in GitHub's 140 characters.
func (o guardOutcome) description() string {
	res := o.res
	size := fmt.Sprintf("%d files, %d lines", res.ChangedFiles, res.ChangedLines())
	var d string
	switch {
	case o.ov.granted:
		d = fmt.Sprintf("PASS by override of %s: %d failures as warnings; %s", o.ov.by, o.ov.errors, size)
	case res.Verdict == guard.Fail:
		d = fmt.Sprintf("FAIL: %d errors (%s); %s", res.Errors(), strings.Join(failedRules(res), ", "), size)
	case res.Warnings() > 0:
		d = fmt.Sprintf("PASS with %d warnings; %s", res.Warnings(), size)
	default:
		d = "PASS: " + size
	}
	if runes := []rune(d); len(runes) > maxStatusDescription {
		d = string(runes[:maxStatusDescription-1]) + "…"
	}
	return d
}

// failedRules lists the rules with an error, once each, in the order found.
func failedRules(res guard.Result) []string {
	var rules []string
	for _, f := range res.Findings {
		if f.Level == config.LevelError && !slices.Contains(rules, f.Rule) {
			rules = append(rules, f.Rule)
		}
	}
	return rules
}

// commentBody is the guard's PR comment: the marker, the result and the override note.
func (o guardOutcome) commentBody() string {
	return markdown.Truncate(guardMarker + "\n" + o.res.Markdown(o.h) + o.ov.note())
}

// upsertGuardComment makes sure the pull request has one guard comment with body: the comment
// with the marker written by the token's own user is edited in place, or created when there is
// none. A comment with the marker from anyone else is not the guard's.
func upsertGuardComment(ctx context.Context, r remote, number int, body string) (string, error) {
	login, err := tokenLogin(ctx, r)
	if err != nil {
		return "", err
	}
	created := false
	c, err := gh.Ensure(ctx,
		func(ctx context.Context) (*github.IssueComment, bool, error) {
			return findGuardComment(ctx, r, number, login)
		},
		func(ctx context.Context) (*github.IssueComment, error) {
			c, _, err := r.client.Issues.CreateComment(ctx, r.owner, r.name, number, &github.IssueComment{Body: github.String(body)})
			created = err == nil
			return c, err
		})
	switch {
	case err != nil:
		return "", err
	case created:
		return "PR comment created: " + c.GetHTMLURL(), nil
	case c.GetBody() == body:
		return "PR comment up to date: " + c.GetHTMLURL(), nil
	}
	if _, _, err := r.client.Issues.EditComment(ctx, r.owner, r.name, c.GetID(), &github.IssueComment{Body: github.String(body)}); err != nil {
		return "", err
	}
	return "PR comment updated: " + c.GetHTMLURL(), nil
}

// tokenLogin is the login the token writes as (see logIdentity).
func tokenLogin(ctx context.Context, r remote) (string, error) {
	return r.who.Login(ctx, "")
}

// findGuardComment reads every page of the pull request's comments for the guard's: the marker,
// written by login.
func findGuardComment(ctx context.Context, r remote, number int, login string) (*github.IssueComment, bool, error) {
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		comments, resp, err := r.client.Issues.ListComments(ctx, r.owner, r.name, number, opts)
		if err != nil {
			return nil, false, fmt.Errorf("comments of #%d: %w", number, err)
		}
		for _, c := range comments {
			if strings.Contains(c.GetBody(), guardMarker) && strings.EqualFold(c.GetUser().GetLogin(), login) {
				return c, true, nil
			}
		}
		if resp.NextPage == 0 {
			return nil, false, nil
		}
		opts.Page = resp.NextPage
	}
}
