package release

import (
	"context"

	"github.com/google/go-github/v60/github"
)

// GETFacts are the facts APIFacts reads, from GET requests only, for a dry run that sends GitHub
// nothing else: the line's tags, or every tag under the prefix, from matching-refs (never the
// GraphQL query of the newest tags, which is a POST), then the same compare calls.
func GETFacts(ctx context.Context, c *github.Client, repo Repo, prefix string, b Branches, m Merge) (Facts, error) {
	f := Facts{Base: m.Base, Target: m.Target}
	w := &walker{c: c, repo: repo, seen: map[string]string{}}
	refPrefix := "tags/" + prefix
	if l, why, ok := lineOf(m.Base, m.Head, prefix, b); ok {
		f.Line, f.LineReason = &l, why
		refPrefix = l.RefPrefix(prefix)
	}
	return f, listed(ctx, w, prefix, &f, refPrefix)
}
