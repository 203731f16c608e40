package remind

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Outcome is a reminder and whether this run posted it (false: its window already had it).
type Outcome struct {
	Kind   Kind   `json:"kind"`
	Issue  int    `json:"issue"`
	Item   int    `json:"item,omitempty"`
	Window string `json:"window"`
	Posted bool   `json:"posted"`
}

// Post posts each reminder whose window does not have it yet. A window's reminder is found by
// its marker among the issue's comments updated since the window began, written by identity
// (any author when identity is ""), so a rerun, or a second run in the same window, posts nothing.
func Post(ctx context.Context, c *github.Client, repo postmortem.Repo, rs []Reminder, identity string) ([]Outcome, error) {
	out := make([]Outcome, 0, len(rs))
	for _, r := range rs {
		posted, err := post(ctx, c, repo, r, identity)
		if err != nil {
			return out, err
		}
		out = append(out, Outcome{Kind: r.Kind, Issue: r.Issue, Item: r.Item, Window: r.Window.Format("2006-01-02T15:04:05Z"), Posted: posted})
	}
	return out, nil
}

// post posts one reminder unless its window has it.
func post(ctx context.Context, c *github.Client, repo postmortem.Repo, r Reminder, identity string) (bool, error) {
	marker, posted := Marker(r), false
	find := func(ctx context.Context) (*github.IssueComment, bool, error) {
		return find(ctx, c, repo, r, marker, identity)
	}
	create := func(ctx context.Context) (*github.IssueComment, error) {
		body := Message(r)
		cm, _, err := c.Issues.CreateComment(ctx, repo.Owner, repo.Name, r.Issue, &github.IssueComment{Body: &body})
		posted = err == nil
		return cm, err
	}
	if _, err := gh.Ensure(ctx, find, create); err != nil {
		return false, fmt.Errorf("remind on #%d (%s): %w", r.Issue, r.Kind, gh.Explain(err))
	}
	return posted, nil
}

// skew is how far the server's clock may run behind ours: a reminder posted in a window can bear
// a server time a little before the window's start by our clock.
const skew = 10 * time.Minute

// find looks for the reminder's marker among the comments on its issue since its window began.
func find(ctx context.Context, c *github.Client, repo postmortem.Repo, r Reminder, marker, identity string) (*github.IssueComment, bool, error) {
	since := r.Window.Add(-skew)
	opts := &github.IssueListCommentsOptions{Since: &since, ListOptions: github.ListOptions{PerPage: 100}}
	for {
		comments, resp, err := c.Issues.ListComments(ctx, repo.Owner, repo.Name, r.Issue, opts)
		if err != nil {
			return nil, false, err
		}
		for _, cm := range comments {
			mine := identity == "" || strings.EqualFold(cm.GetUser().GetLogin(), identity)
			if mine && strings.HasPrefix(cm.GetBody(), marker) {
				return cm, true, nil
			}
		}
		if resp.NextPage == 0 {
			return nil, false, nil
		}
		opts.Page = resp.NextPage
	}
}
