package cli

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// mergeHotfix opens a PR from branch (one commit writing file) into main and merges it.
func mergeHotfix(t *testing.T, s *sandboxtest.Sandbox, branch, file string) *github.PullRequest {
	t.Helper()
	ctx := context.Background()
	s.Push(branch, map[string]string{file: "fixed\n"}, "main")
	pr, _, err := s.Client.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.NewPullRequest{
		Title: github.String("Fix " + file), Head: &branch, Base: github.String("main")})
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // mergeable is null until the sandbox has computed it
		if _, _, err := s.Client.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber()); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.Client.PullRequests.Merge(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "merge"}); err != nil {
		t.Fatal(err)
	}
	pr, _, err = s.Client.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber())
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

// TestMergesHandledOutOfOrder merges PR A, then PR B (whose merge contains A's), and handles B's
// merge event first, as when A's failed job is re-run later: one tag, v1.2.4 on B's merge, and
// A's run says A is released in it and tags nothing.
func TestMergesHandledOutOfOrder(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	s.Push("develop", map[string]string{"feature.txt": "new\n"}, "main")
	a := mergeHotfix(t, s, "hotfix/a", "a.txt")
	b := mergeHotfix(t, s, "hotfix/b", "b.txt")
	handle := func(pr *github.PullRequest) result {
		vars := actionVars(t, map[string]string{"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": mergedPayload(t, pr),
			"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token})
		got := run(t, t.TempDir(), vars, "run")
		if got.code != ExitOK {
			t.Fatalf("hotfix run on #%d: exit %d\n%s%s", pr.GetNumber(), got.code, got.stdout, got.stderr)
		}
		return got
	}
	containsAll(t, "B's run", handle(b).stdout, []string{"tag         v1.2.4 created (previous v1.2.3)"})
	containsAll(t, "A's run", handle(a).stdout, []string{"tag         v1.2.4 contains this merge (previous v1.2.3)", "is already released in v1.2.4"})
	if got := s.Git("tag", "--list"); got != "v1.2.3\nv1.2.4" {
		t.Errorf("tags = %q, want v1.2.3 and v1.2.4 only", got)
	}
	if got := s.Git("rev-parse", "v1.2.4^{commit}"); got != b.GetMergeCommitSHA() {
		t.Errorf("v1.2.4 is on %s, want B's merge %s", got, b.GetMergeCommitSHA())
	}
	if strings.Contains(s.Git("tag", "--list"), "v1.2.5") {
		t.Errorf("A's run tagged v1.2.5 without B's fix")
	}
}
