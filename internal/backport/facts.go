package backport

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Branches lists the branches whose names start with the literal part of glob (everything before
// its first wildcard), with one matching-refs request: GitHub sends every match in one response
// with no Link header. A server that pages is followed until a response has no next link.
func Branches(ctx context.Context, c *github.Client, repo Repo, glob string) ([]string, error) {
	prefix := glob
	if i := strings.IndexAny(glob, "*?[{"); i >= 0 {
		prefix = glob[:i]
	}
	opts := &github.ReferenceListOptions{Ref: "heads/" + prefix, ListOptions: github.ListOptions{PerPage: 100}}
	var names []string
	for {
		refs, resp, err := c.Git.ListMatchingRefs(ctx, repo.Owner, repo.Name, opts)
		if err != nil {
			return nil, fmt.Errorf("list branches %s*: %w", prefix, err)
		}
		for _, r := range refs {
			names = append(names, strings.TrimPrefix(r.GetRef(), "refs/heads/"))
		}
		if resp.NextPage == 0 {
			return names, nil
		}
		opts.Page = resp.NextPage
	}
}
