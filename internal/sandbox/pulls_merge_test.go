package sandbox

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// mergeFixture is a sandbox with main moved on by one commit and hotfix/db two commits ahead of
// the old main, with a pull request (#1) from hotfix/db into main.
func mergeFixture(t *testing.T) (*github.Client, string, []string) {
	t.Helper()
	_, c, dir := newTestSandbox(t)
	first := pushBranch(t, dir, "hotfix/db", map[string]string{"db.go": "package db\n"})
	second := pushBranch(t, dir, "hotfix/db", map[string]string{"db.go": "package db\n\nvar Pool = 10\n"})
	pushBranch(t, dir, "main", map[string]string{"docs.md": "docs\n"})
	openPull(t, c, "hotfix/db", "main")
	return c, dir, []string{first, second}
}

func TestMergePull(t *testing.T) {
	t.Parallel()
	tests := []struct {
		method      string
		wantParents int      // parents of the new tip of main
		wantNew     int      // commits main gained
		wantSubject string   // subject of the new tip
		wantAuthors []string // authors of the commits main gained, newest first
	}{
		{"merge", 2, 3, "Merge pull request #1 from acme/hotfix/db", []string{"sandbox-bot", "Sandbox Test", "Sandbox Test"}},
		{"squash", 1, 1, "Fix hotfix/db (#1)", []string{"sandbox-bot"}},
		{"rebase", 1, 2, "change hotfix/db", []string{"Sandbox Test", "Sandbox Test"}},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			t.Parallel()
			c, dir, heads := mergeFixture(t)
			oldMain := runGit(t, dir, "rev-parse", "main")
			res, _, err := c.PullRequests.Merge(context.Background(), "acme", "shop", 1, "",
				&github.PullRequestOptions{MergeMethod: tt.method, SHA: heads[1]})
			if err != nil {
				t.Fatalf("merge with %s: %v", tt.method, err)
			}
			tip := runGit(t, dir, "rev-parse", "main")
			runGit(t, dir, "update-ref", "-d", "refs/heads/hotfix/db")
			pr := getPull(t, c, 1)
			got := []any{res.GetSHA(), res.GetMerged(), len(strings.Fields(runGit(t, dir, "log", "--format=%P", "-1", "main"))),
				strings.Count(runGit(t, dir, "rev-list", oldMain+"..main"), "\n") + 1,
				runGit(t, dir, "log", "--format=%s", "-1", "main"),
				strings.Split(runGit(t, dir, "log", "--format=%an", oldMain+"..main"), "\n"),
				runGit(t, dir, "show", "main:db.go"), runGit(t, dir, "show", "main:docs.md"),
				pr.GetMerged(), pr.GetState(), pr.GetMergeCommitSHA(), pr.GetMergedBy().GetLogin(), pr.MergedAt != nil,
				pr.GetHead().GetSHA(), pr.GetCommits()}
			want := []any{tip, true, tt.wantParents, tt.wantNew, tt.wantSubject, tt.wantAuthors,
				"package db\n\nvar Pool = 10", "docs",
				true, "closed", tip, "sandbox-bot", true,
				heads[1], 2}
			if diff := cmp.Diff(got, want); diff != "" {
				t.Errorf("after a %s merge (-got +want):\n%s", tt.method, diff)
			}
		})
	}
}

func TestMergePullMessage(t *testing.T) {
	t.Parallel()
	c, dir, _ := mergeFixture(t)
	_, _, err := c.PullRequests.Merge(context.Background(), "acme", "shop", 1, "Pool size from config.",
		&github.PullRequestOptions{MergeMethod: "squash", CommitTitle: "db: raise the pool size (#1)"})
	if err != nil {
		t.Fatalf("squash merge: %v", err)
	}
	got := runGit(t, dir, "log", "--format=%B", "-1", "main")
	if diff := cmp.Diff(got, "db: raise the pool size (#1)\n\nPool size from config."); diff != "" {
		t.Errorf("squash commit message (-got +want):\n%s", diff)
	}
}

func TestMergePullErrors(t *testing.T) {
	t.Parallel()
	c, dir, heads := mergeFixture(t)
	ctx := context.Background()
	runGit(t, dir, "update-ref", "refs/heads/clash", "main~1")
	pushBranch(t, dir, "clash", map[string]string{"docs.md": "other docs\n"})
	pushBranch(t, dir, "closed", map[string]string{"c.txt": "c\n"})
	openPull(t, c, "clash", "main")
	openPull(t, c, "closed", "main")
	if _, _, err := c.PullRequests.Edit(ctx, "acme", "shop", 3, &github.PullRequest{State: github.String("closed")}); err != nil {
		t.Fatalf("close #3: %v", err)
	}
	merge := func(n int, method, sha string) error {
		_, _, err := c.PullRequests.Merge(ctx, "acme", "shop", n, "", &github.PullRequestOptions{MergeMethod: method, SHA: sha})
		return err
	}
	notMergeable := apiFailure{Status: 405, Message: "Pull Request is not mergeable"}
	steps := []struct {
		name string
		err  error
		want apiFailure
	}{
		{"a stale sha", merge(1, "merge", heads[0]), apiFailure{Status: 409, Message: "Head branch was modified. Review and try the merge again."}},
		{"an unknown method", merge(1, "octopus", ""), validation(github.Error{Resource: "PullRequest", Field: "merge_method", Code: "invalid"})},
		{"a conflict", merge(2, "merge", ""), notMergeable},
		{"a conflict, squashed", merge(2, "squash", ""), notMergeable},
		{"a conflict, rebased", merge(2, "rebase", ""), notMergeable},
		{"closed without merging", merge(3, "merge", ""), notMergeable},
		{"an issue number", merge(9, "merge", ""), apiFailure{Status: 404, Message: "Not Found"}},
		{"the first merge", merge(1, "merge", ""), apiFailure{}},
		{"merged already", merge(1, "merge", ""), notMergeable},
	}
	for _, st := range steps {
		if diff := cmp.Diff(failure(st.err), st.want); diff != "" {
			t.Errorf("%s (-got +want):\n%s", st.name, diff)
		}
	}
	var merged []bool
	for _, n := range []int{1, 2} {
		m, _, err := c.PullRequests.IsMerged(ctx, "acme", "shop", n)
		if err != nil {
			t.Fatalf("is #%d merged: %v", n, err)
		}
		merged = append(merged, m)
	}
	if diff := cmp.Diff(merged, []bool{true, false}); diff != "" {
		t.Errorf("is merged, #1 and #2 (-got +want):\n%s", diff)
	}
}

func TestMergedPullCannotReopen(t *testing.T) {
	t.Parallel()
	c, _, _ := mergeFixture(t)
	ctx := context.Background()
	if _, _, err := c.PullRequests.Merge(ctx, "acme", "shop", 1, "", nil); err != nil {
		t.Fatalf("merge: %v", err)
	}
	_, _, err := c.PullRequests.Edit(ctx, "acme", "shop", 1, &github.PullRequest{State: github.String("open")})
	want := validation(github.Error{Resource: "Issue", Field: "state", Code: "custom", Message: "state cannot be changed. The pull request has been merged."})
	if diff := cmp.Diff(failure(err), want); diff != "" {
		t.Errorf("reopen a merged pull request (-got +want):\n%s", diff)
	}
}
