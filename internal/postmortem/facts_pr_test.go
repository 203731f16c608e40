package postmortem

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// TestPRFromTakesOnlyMergedAsMerged reads an open PR whose merge_commit_sha is its test merge, as
// GitHub sends it, and a merged one.
func TestPRFromTakesOnlyMergedAsMerged(t *testing.T) {
	t.Parallel()
	opened, merged := time.Date(2026, 1, 2, 3, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 4, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		pr   *github.PullRequest
		want PR
	}{
		{"open with a test merge", &github.PullRequest{Number: github.Int(7), State: github.String("open"), Merged: github.Bool(false),
			CreatedAt: &github.Timestamp{Time: opened}, MergeCommitSHA: github.String("1111111111111111111111111111111111111111")},
			PR{Number: 7, Opened: opened}},
		{"merged", &github.PullRequest{Number: github.Int(7), State: github.String("closed"), Merged: github.Bool(true),
			CreatedAt: &github.Timestamp{Time: opened}, MergedAt: &github.Timestamp{Time: merged}, MergeCommitSHA: github.String("2222222222222222222222222222222222222222")},
			PR{Number: 7, Opened: opened, Merged: merged, MergeSHA: "2222222222222222222222222222222222222222"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(PRFrom(tt.pr), tt.want); diff != "" {
				t.Errorf("PRFrom (-got +want):\n%s", diff)
			}
		})
	}
}
