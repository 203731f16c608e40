package sandbox

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestGetCommit(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	compareHistory(t, dir)
	ctx := context.Background()
	for _, ref := range []string{"hotfix/x", "hotfix/x~1", runGit(t, dir, "rev-list", "--max-parents=0", "main")} {
		rc, _, err := c.Repositories.GetCommit(ctx, "acme", "shop", ref, nil)
		if err != nil {
			t.Fatalf("get commit %s: %v", ref, err)
		}
		sha := runGit(t, dir, "rev-parse", ref)
		want := gitNumstat(t, dir, emptyTree, sha)
		if parents := strings.Fields(runGit(t, dir, "log", "-1", "--format=%P", sha)); len(parents) > 0 {
			want = gitNumstat(t, dir, parents[0], sha)
		}
		if diff := cmp.Diff(apiNumstat(rc.Files), want); diff != "" {
			t.Errorf("commit %s files (-got +want):\n%s", ref, diff)
		}
		var add, del int
		for _, n := range want {
			add, del = add+n.Add, del+n.Del
		}
		got := []any{rc.GetSHA(), rc.GetStats().GetAdditions(), rc.GetStats().GetDeletions(), rc.GetStats().GetTotal(), rc.GetCommit().GetMessage()}
		if diff := cmp.Diff(got, []any{sha, add, del, add + del, runGit(t, dir, "log", "-1", "--format=%B", sha)}); diff != "" {
			t.Errorf("commit %s (-got +want):\n%s", ref, diff)
		}
	}
	_, _, err := c.Repositories.GetCommit(ctx, "acme", "shop", "no-such-ref", nil)
	if diff := cmp.Diff(failure(err), apiFailure{Status: 422, Message: "No commit found for SHA: no-such-ref"}); diff != "" {
		t.Errorf("unknown ref (-got +want):\n%s", diff)
	}
}

func TestGetGitCommit(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	sha := pushBranch(t, dir, "main", map[string]string{"a.txt": "a\n"})
	ctx := context.Background()
	got, _, err := c.Git.GetCommit(ctx, "acme", "shop", sha)
	if err != nil {
		t.Fatalf("get git commit: %v", err)
	}
	facts := []string{got.GetSHA(), got.GetTree().GetSHA(), got.Parents[0].GetSHA(), got.GetAuthor().GetName(), got.GetMessage()}
	want := []string{sha, runGit(t, dir, "rev-parse", sha+"^{tree}"), runGit(t, dir, "rev-parse", sha+"~1"), "Sandbox Test", "change main"}
	if diff := cmp.Diff(facts, want); diff != "" {
		t.Errorf("git commit (-got +want):\n%s", diff)
	}
	_, _, err = c.Git.GetCommit(ctx, "acme", "shop", "main")
	if diff := cmp.Diff(failure(err), apiFailure{Status: 404, Message: "Not Found"}); diff != "" {
		t.Errorf("git commit by branch name (-got +want):\n%s", diff)
	}
}

func TestListCommitsPaginated(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	for i := range 4 {
		pushBranch(t, dir, "feature", map[string]string{"n.txt": strings.Repeat("x", i+1)})
	}
	opts := &github.CommitsListOptions{SHA: "feature", ListOptions: github.ListOptions{PerPage: 2}}
	var got []string
	var links []string
	for {
		page, resp, err := c.Repositories.ListCommits(context.Background(), "acme", "shop", opts)
		if err != nil {
			t.Fatalf("list commits: %v", err)
		}
		for _, rc := range page {
			got = append(got, rc.GetSHA())
		}
		links = append(links, resp.Header.Get("Link"))
		if resp.NextPage == 0 {
			break
		}
		opts.Page = resp.NextPage
	}
	if diff := cmp.Diff(got, strings.Split(runGit(t, dir, "rev-list", "feature"), "\n")); diff != "" {
		t.Errorf("commits (-got +want):\n%s", diff)
	}
	if len(links) != 3 || !strings.Contains(links[0], `rel="next"`) || !strings.Contains(links[2], `rel="first"`) || strings.Contains(links[2], `rel="next"`) {
		t.Errorf("Link headers %q; want next on the first page and first, no next, on the last", links)
	}
}
