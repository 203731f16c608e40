package cli

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestRunMergeUnderARateLimit runs the merge against a sandbox whose token has 18 requests an
// hour: the setup and the first run spend them, so the first run stops on GitHub's refusal and
// says so; with the clock moved past the reset, the rerun completes, and the repository ends with
// one tag, one backport PR and one postmortem.
func TestRunMergeUnderARateLimit(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := runClock
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: clock, RateLimit: 18, Users: []string{"auditor"}})
	pr := sandboxtest.MergedHotfix(t, s, "squash", "Incident: none")
	vars := actionVars(t, map[string]string{
		"GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": mergedPayload(t, pr),
		"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token,
	})
	first := runAt(t, t.TempDir(), vars, clock(), "run")
	if first.code != ExitFailed || !strings.Contains(first.stdout+first.stderr, "rate limit") {
		t.Fatalf("first run: exit %d, want %d and the rate limit named\nstdout:\n%s\nstderr:\n%s", first.code, ExitFailed, first.stdout, first.stderr)
	}
	t.Logf("first run:\n%s%s", first.stdout, first.stderr)
	mu.Lock()
	now = now.Add(time.Hour + time.Minute)
	mu.Unlock()
	second := runAt(t, t.TempDir(), vars, clock(), "run")
	if second.code != ExitOK {
		t.Fatalf("rerun after the reset: exit %d\nstdout:\n%s\nstderr:\n%s", second.code, second.stdout, second.stderr)
	}
	auditor := s.As("auditor") // a budget of its own
	issues, _, err := auditor.Issues.ListByRepo(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, is := range issues {
		kind := "issue"
		if is.IsPullRequest() {
			kind = "pull request"
		}
		got = append(got, kind+": "+is.GetTitle())
	}
	got = append(got, "tags: "+strings.ReplaceAll(s.Git("tag", "--list"), "\n", " "))
	want := []string{"issue: Incident Postmortem: Fix login timeout", "pull request: Backport #1 to develop: Fix login timeout", "pull request: Fix login timeout", "tags: v1.2.3 v1.2.4"}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("issues, pull requests and tags after two runs (-got +want):\n%s", diff)
	}
}
