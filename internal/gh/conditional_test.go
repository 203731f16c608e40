package gh_test

import (
	"context"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestGetIfChanged reads the repository, then reads it again with its ETag: not changed, the
// value left as it was, and the rate limit not spent.
func TestGetIfChanged(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	var repo github.Repository
	etag, changed, err := gh.GetIfChanged(ctx, s.Client, "repos/acme/shop", "", &repo)
	if err != nil || !changed || etag == "" || repo.GetFullName() != "acme/shop" {
		t.Fatalf("first read: etag %q, changed %v, %v, %q; want an ETag and the repository", etag, changed, err, repo.GetFullName())
	}
	before, _, err := s.Client.RateLimit.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	again := github.Repository{Name: github.String("kept")}
	etag2, changed, err := gh.GetIfChanged(ctx, s.Client, "repos/acme/shop", etag, &again)
	after, _, _ := s.Client.RateLimit.Get(ctx)
	if err != nil || changed || etag2 != etag || again.GetName() != "kept" || after.GetCore().Remaining != before.GetCore().Remaining {
		t.Errorf("conditional read: etag %q, changed %v, %v, value %q, remaining %d → %d; want the same ETag, unchanged, nothing spent",
			etag2, changed, err, again.GetName(), before.GetCore().Remaining, after.GetCore().Remaining)
	}
}
