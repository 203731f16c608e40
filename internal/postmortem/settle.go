package postmortem

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// settle makes one postmortem of two that runs of the same event opened at the same moment (a
// "Re-run" pressed while the first run is still going): GitHub has no unique key for issues,
// so both runs can find none and both create one. After creating own, a run reads the newest
// hundred issues with the label once more; the lowest-numbered one its login wrote with the same
// marker wins. Issue numbers grow in order of creation, so a lower one already existed when own
// was created, and each of the runs that created one sees it. The loser closes its own copy as
// not planned, without the marker or the label so that no later lookup or report counts it, and
// returns the winner. found is false when own is the one.
func settle(ctx context.Context, c *github.Client, repo Repo, own *github.Issue, marker, label string) (*github.Issue, bool, error) {
	opts := &github.IssueListByRepoOptions{State: "all", Labels: []string{label}, ListOptions: github.ListOptions{PerPage: 100}}
	issues, _, err := c.Issues.ListByRepo(ctx, repo.Owner, repo.Name, opts)
	if err != nil {
		return nil, false, fmt.Errorf("look for another run's copy of postmortem #%d: %w", own.GetNumber(), gh.Explain(err))
	}
	winner := own
	for _, is := range issues {
		if is.GetNumber() < winner.GetNumber() && strings.HasPrefix(is.GetBody(), marker) &&
			strings.EqualFold(is.GetUser().GetLogin(), own.GetUser().GetLogin()) {
			winner = is
		}
	}
	if winner == own {
		return own, false, nil
	}
	return winner, true, closeCopy(ctx, c, repo, own.GetNumber(), winner.GetNumber())
}

// closeCopy closes postmortem number as a copy of winner.
func closeCopy(ctx context.Context, c *github.Client, repo Repo, number, winner int) error {
	body := fmt.Sprintf("Closed: a copy of #%d, which another run of the same event opened at the same moment.", winner)
	req := &github.IssueRequest{Body: &body, State: github.String("closed"), StateReason: github.String("not_planned"), Labels: &[]string{}}
	if _, _, err := c.Issues.Edit(ctx, repo.Owner, repo.Name, number, req); err != nil {
		return fmt.Errorf("close postmortem #%d, a copy of #%d: %w", number, winner, gh.Explain(err))
	}
	return nil
}
