package incident

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Refresh re-renders incident number's summary, labels and state from its log, as a command
// does after its entry: for entries another step appended (the links a merge writes), so the
// issue shows them at once. entries is the log as the caller last saw it, appends included;
// the issue is read once, and the log again after the write, to fold in concurrent entries.
func Refresh(ctx context.Context, c *github.Client, repo Repo, number int, entries []Entry, o Options) (Record, error) {
	issue, _, err := c.Issues.Get(ctx, repo.Owner, repo.Name, number)
	if err != nil {
		return Record{}, fmt.Errorf("read incident #%d: %w", number, gh.Explain(err))
	}
	return syncIssue(ctx, c, repo, issue, known{entries: entries}, o)
}
