package guard

import (
	"context"
	"fmt"
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
