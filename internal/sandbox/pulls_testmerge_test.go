package sandbox

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestTestMergeCommit pins merge_commit_sha on an open pull request: once mergeable, it names a
// real merge commit whose parents are base and head and whose tree is their merge; it is renewed
// when the head or the base moves, and null while a conflict stands.
func TestTestMergeCommit(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "fix", map[string]string{"a.txt": "a\n"})
	openPull(t, c, "fix", "main")
	testMerge := func() (string, []string) {
		getPull(t, c, 1)
		pr := getPull(t, c, 1)
		if pr.GetMerged() {
			t.Fatal("an open pull request reads as merged")
		}
		sha := pr.GetMergeCommitSHA()
		if sha == "" {
			return "", nil
		}
		commit, _, err := c.Git.GetCommit(context.Background(), "acme", "shop", sha)
		if err != nil {
			t.Fatalf("get the test merge commit %s: %v", sha, err)
		}
		var parents []string
		for _, p := range commit.Parents {
			parents = append(parents, p.GetSHA())
		}
		return sha, parents
	}
	first, parents := testMerge()
	if diff := cmp.Diff(parents, []string{runGit(t, dir, "rev-parse", "main"), runGit(t, dir, "rev-parse", "fix")}); diff != "" {
		t.Errorf("test merge %q parents (-got +want):\n%s", first, diff)
	}
	if got := runGit(t, dir, "ls-tree", "--name-only", first); got != "README.md\na.txt" || runGit(t, dir, "rev-parse", "refs/pull/1/merge") != first {
		t.Errorf("test merge tree %q, refs/pull/1/merge %s; want README.md and a.txt, at %s", got, runGit(t, dir, "rev-parse", "refs/pull/1/merge"), first)
	}
	pushBranch(t, dir, "main", map[string]string{"b.txt": "b\n"})
	second, parents := testMerge()
	if second == first || len(parents) != 2 || parents[0] != runGit(t, dir, "rev-parse", "main") {
		t.Errorf("after main moved: test merge %s (was %s), parents %v; want a new one on the new main", second, first, parents)
	}
	pushBranch(t, dir, "fix", map[string]string{"b.txt": "clash\n"})
	if conflicted, _ := testMerge(); conflicted != "" {
		t.Errorf("conflicted pull request has merge_commit_sha %s; want null", conflicted)
	}
	if strings.Contains(runGit(t, dir, "for-each-ref", "refs/heads/"), "pull/") {
		t.Errorf("test merges leaked into refs/heads")
	}
}
