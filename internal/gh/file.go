package gh

import (
	"context"
	"fmt"

	"github.com/google/go-github/v60/github"
)

// File reads the file at path on ref through the contents API; found is false when it is not
// there. See https://docs.github.com/rest/repos/contents#get-repository-content
func File(ctx context.Context, c *github.Client, owner, name, ref, path string) (data []byte, found bool, err error) {
	fc, _, _, err := c.Repositories.GetContents(ctx, owner, name, path, &github.RepositoryContentGetOptions{Ref: ref})
	if Kind(err) == NotFound {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read %s on %s: %w", path, ref, Explain(err))
	}
	text, err := fc.GetContent()
	if err != nil {
		return nil, false, fmt.Errorf("decode %s on %s: %w", path, ref, err)
	}
	return []byte(text), true, nil
}

// DefaultBranch is the repository's default branch: one request.
// See https://docs.github.com/rest/repos/repos#get-a-repository
func DefaultBranch(ctx context.Context, c *github.Client, owner, name string) (string, error) {
	repo, _, err := c.Repositories.Get(ctx, owner, name)
	if err != nil {
		return "", fmt.Errorf("read repository %s/%s: %w", owner, name, err)
	}
	return repo.GetDefaultBranch(), nil
}
