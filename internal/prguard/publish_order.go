package prguard

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
)

// headMoved reads the pull request again just before its comment is written: when its head is no
// longer the commit this run judged, a run for the newer head writes the comment (runs are not
// serialised, so they may finish out of order), and this one leaves it alone. It returns the note
// that says so, or "" when the head is still sha.
func headMoved(ctx context.Context, r Repo, number int, sha string) (string, error) {
	pr, _, err := r.Client.PullRequests.Get(ctx, r.Owner, r.Name, number)
	if err != nil {
		return "", fmt.Errorf("read #%d before writing its comment: %w", number, err)
	}
	if head := pr.GetHead().GetSHA(); head != sha {
		return fmt.Sprintf("PR comment left alone: the head moved from %.12s to %.12s since this run read it; the run for the new head writes it", sha, head), nil
	}
	return "", nil
}

// settle checks, after this run created the guard's comment, that no concurrent run created one
// first (runs are not serialised, and both may have looked before either wrote). The first one
// is the guard's: it gets this run's body, and this run's copy becomes a pointer to it, without
// the marker. It costs one read of the comments when there was no race.
func settle(ctx context.Context, r Repo, number int, login string, mine *github.IssueComment, body string) (string, error) {
	first, found, err := findComment(ctx, r, number, login)
	if err != nil || !found || first.GetID() == mine.GetID() {
		return "PR comment created: " + mine.GetHTMLURL(), err
	}
	if first.GetBody() != body {
		if _, _, err := r.Client.Issues.EditComment(ctx, r.Owner, r.Name, first.GetID(), &github.IssueComment{Body: github.String(body)}); err != nil {
			return "", err
		}
	}
	pointer := fmt.Sprintf("_Superseded: the hotfix guard's comment on this pull request is [this one](%s), which a run at the same moment wrote first._", first.GetHTMLURL())
	if _, _, err := r.Client.Issues.EditComment(ctx, r.Owner, r.Name, mine.GetID(), &github.IssueComment{Body: github.String(pointer)}); err != nil {
		return "", err
	}
	return "PR comment updated: " + first.GetHTMLURL() + " (a concurrent run wrote it first; this run's copy points to it)", nil
}
