package release

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestRunReadsTheReleaseBranchesWithTheTags: a merge into main reads the open release branches
// in the GraphQL request that reads the newest tags, so the backport's targets cost no request;
// past what one answer holds, it says they were not read and the caller lists them.
func TestRunReadsTheReleaseBranchesWithTheTags(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	base := s.Push("main", map[string]string{"app.go": "v1.2.3\n"})
	tagAt(s, "v1.2.3", base)
	for _, b := range []string{"release/1.3", "release/1.4", "releases-old", "develop"} {
		s.Git("update-ref", "refs/heads/"+b, base)
	}
	m1 := s.Push("main", map[string]string{"app.go": "fix 1\n"})
	got, counts := release(t, s, s.Client, merged(11, "main", "hotfix/checkout", m1))
	if diff := cmp.Diff(got.ReleaseBranches, []string{"release/1.3", "release/1.4"}); diff != "" || !got.BranchesRead {
		t.Errorf("release branches read %v (-got +want):\n%s", got.BranchesRead, diff)
	}
	if sum(counts) != 4 {
		t.Errorf("release made %d requests (%v), want 4: the branches ride in the tags' request", sum(counts), counts)
	}

	for i := range 100 {
		s.Git("update-ref", fmt.Sprintf("refs/heads/release/9.%d", i), base)
	}
	m2 := s.Push("main", map[string]string{"app.go": "fix 2\n"})
	many, _ := release(t, s, s.Client, merged(12, "main", "hotfix/cart", m2))
	if many.BranchesRead || len(many.ReleaseBranches) > 100 || !slices.Contains(many.ReleaseBranches, "release/1.3") {
		t.Errorf("102 release branches: read %v, %d listed; want not read (more than one answer holds)", many.BranchesRead, len(many.ReleaseBranches))
	}
}
