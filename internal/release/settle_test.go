package release

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// datedTagSet is tagSet with a minute between commits, pushed to a sandbox: the order of the
// tags' commit dates is then the order they were made in.
func datedTagSet(t *testing.T) *sandboxtest.Sandbox {
	t.Helper()
	r := tagSet(t)
	// Rewrite every commit's dates to one minute apart, keeping the tags on the rewritten commits.
	filter := exec.Command("git", "filter-branch", "-f", "--env-filter",
		`n=$(git rev-list --count "$GIT_COMMIT"); export GIT_COMMITTER_DATE="$((1767225600 + n * 60)) +0000"`,
		"--tag-name-filter", "cat", "--", "--all")
	filter.Dir, filter.Env = r.Dir, append(gittest.Env, "FILTER_BRANCH_SQUELCH_WARNING=1")
	if out, err := filter.CombinedOutput(); err != nil {
		t.Fatalf("git filter-branch: %v: %s", err, out)
	}
	s := sandboxtest.Start(t, sandboxtest.Options{})
	r.Git("push", "-q", "-f", s.Dir, "refs/heads/*:refs/heads/*", "refs/tags/*:refs/tags/*")
	return s
}

func TestAPIAgreesWithGitTagMergedFromAnyPage(t *testing.T) {
	t.Parallel()
	s := datedTagSet(t)
	tags := strings.Fields(s.Git("tag", "--list"))
	tests := []struct{ base, prefix string }{
		{"main", "v"}, {"release/1.1", "v"}, {"main", "api/v"}, {"main", "sdk/metric/v"}, {"main", ""}, {"release/1.1", "api/v"},
	}
	fast := 0
	for _, tt := range tests {
		want := nextByHand(s.Git("tag", "--merged", tt.base), tt.prefix)
		target := s.Git("rev-parse", tt.base)
		for first := 1; first <= len(tags)+1; first++ {
			s.Server.ResetRequests()
			m := Merge{Base: tt.base, Head: "hotfix/x", Target: target}
			f, err := apiFacts(context.Background(), s.Client, Repo{sandboxtest.Owner, sandboxtest.Name}, tt.prefix, Branches{Maintenance: "none/*", Hotfix: "none/**"}, m, first)
			if err != nil {
				t.Fatalf("%s|%s first %d: %v", tt.base, tt.prefix, first, err)
			}
			plan, err := Decide(tt.prefix, f)
			if got := plan.Tag; got != want || (want == "" && !errors.Is(err, ErrNoRelease)) {
				t.Errorf("%s|%s reading the %d newest first: tag %q, %v; git tag --merged says %q", tt.base, tt.prefix, first, got, err, want)
			}
			if listedAll(s, tt.prefix) == 0 {
				fast++
			}
		}
	}
	if fast == 0 {
		t.Errorf("no choice was settled without listing every tag")
	}
}

// listedAll counts the matching-refs calls that listed every tag with prefix.
func listedAll(s *sandboxtest.Sandbox, prefix string) int {
	n := 0
	for _, r := range s.Server.RequestLog() {
		if strings.HasSuffix(r.Path, fmt.Sprintf("/git/matching-refs/tags/%s", prefix)) {
			n++
		}
	}
	return n
}
