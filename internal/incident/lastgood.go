package incident

import (
	"context"
	"time"

	"github.com/google/go-github/v60/github"
)

// LastTagBefore is the highest stable version tag with prefix made before cutoff, or nil: the
// last known good release when no deployment says otherwise. It reads the tags as Recent does.
func LastTagBefore(ctx context.Context, c *github.Client, repo Repo, prefix string, cutoff time.Time) (*Change, error) {
	tags, err := datedTags(ctx, c, repo, prefix)
	if err != nil {
		return nil, err
	}
	for _, t := range tags {
		if t.stable && t.At.Before(cutoff) {
			return &t.Change, nil
		}
	}
	return nil, nil
}

// deployedGood makes the release that find reports deployed before cutoff the last known good
// one, with its rule, when find is set and reports one.
func (c *Context) deployedGood(ctx context.Context, find func(context.Context, time.Time) (*Change, string, error), cutoff time.Time) error {
	if find == nil {
		return nil
	}
	got, rule, err := find(ctx, cutoff)
	if err != nil || got == nil {
		return err
	}
	c.LastGood, c.LastGoodRule = got, rule
	return nil
}
