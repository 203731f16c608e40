package sandbox

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// TestListTags pages the tag list in GitHub's order, names in reverse, with annotated tags
// peeled to their commits.
func TestListTags(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	main := runGit(t, dir, "rev-parse", "main")
	for _, tag := range []string{"v1.9.0", "v1.10.0", "v1.2.3"} {
		runGit(t, dir, "tag", tag, "main")
	}
	runGit(t, dir, "tag", "-a", "-m", "annotated", "v2.0.0", "main")
	ctx := context.Background()
	var names []string
	opts := &github.ListOptions{PerPage: 3}
	pages := 0
	for {
		tags, resp, err := c.Repositories.ListTags(ctx, "acme", "shop", opts)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, tag := range tags {
			names = append(names, tag.GetName())
			if tag.GetCommit().GetSHA() != main {
				t.Errorf("tag %s points at %s, want the commit %s", tag.GetName(), tag.GetCommit().GetSHA(), main)
			}
		}
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	if diff := cmp.Diff(names, []string{"v2.0.0", "v1.9.0", "v1.2.3", "v1.10.0"}); diff != "" || pages != 2 {
		t.Errorf("tags in %d pages, want 2 (-got +want):\n%s", pages, diff)
	}
}

// TestCheckRunsForRef lists no check runs for a commit, and refuses a ref that names none.
func TestCheckRunsForRef(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	runs, _, err := c.Checks.ListCheckRunsForRef(ctx, "acme", "shop", "main", nil)
	if err != nil || runs.GetTotal() != 0 || runs.CheckRuns == nil {
		t.Errorf("check runs for main: %v, %+v; want an empty list", err, runs)
	}
	_, _, err = c.Checks.ListCheckRunsForRef(ctx, "acme", "shop", "nope", nil)
	if diff := cmp.Diff(failure(err), apiFailure{Status: 422, Message: "No commit found for SHA: nope"}); diff != "" {
		t.Errorf("check runs for an unknown ref (-got +want):\n%s", diff)
	}
}
