package sandbox

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// TestNullsAsGitHubSendsThem checks that fields GitHub sends as null or [] are present, not left out.
func TestNullsAsGitHubSendsThem(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	createIssue(t, c, &github.IssueRequest{Title: github.String("Outage")})
	pushBranch(t, dir, "hotfix/x", map[string]string{"x.txt": "x\n"})
	openPull(t, c, "hotfix/x", "main")
	pushBranch(t, dir, "hotfix/x", map[string]string{"y.txt": "y\n"}) // the head moves: the next read answers mergeable null
	if _, _, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Name: github.String("plain")}); err != nil {
		t.Fatalf("create label: %v", err)
	}
	sha := runGit(t, dir, "rev-parse", "main")
	setStatus(t, c, sha, "ci", "success")
	if _, _, err := c.Repositories.CreateRelease(ctx, "acme", "shop", &github.RepositoryRelease{TagName: github.String("v1.0.0")}); err != nil {
		t.Fatalf("create release: %v", err)
	}
	tests := []struct {
		path string
		want map[string]any
	}{
		{"repos/acme/shop/issues/1", map[string]any{"assignee": nil, "closed_at": nil, "milestone": nil, "labels": []any{}, "assignees": []any{}}},
		{"repos/acme/shop/pulls/2", map[string]any{"mergeable": nil, "merged_at": nil, "merge_commit_sha": nil, "merged_by": nil,
			"auto_merge": nil, "labels": []any{}, "requested_reviewers": []any{}}},
		{"repos/acme/shop/labels/plain", map[string]any{"description": nil}},
		{"repos/acme/shop/commits/" + sha + "/status", map[string]any{"state": "success"}},
		{"repos/acme/shop/releases/tags/v1.0.0", map[string]any{"assets": []any{}}},
		{"repos/acme/shop", map[string]any{"description": nil, "homepage": nil, "language": nil, "mirror_url": nil, "license": nil}},
		{"repos/acme/shop/commits/" + sha, map[string]any{"author": nil, "committer": nil, "parents": []any{}}},
		{"repos/acme/shop/git/commits/" + sha, map[string]any{"parents": []any{}, "verification": map[string]any{
			"verified": false, "reason": "unsigned", "signature": nil, "payload": nil, "verified_at": nil}}},
		{"user", map[string]any{"bio": nil, "company": nil, "email": nil, "hireable": nil, "location": nil, "user_view_type": "private"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			req, err := c.NewRequest("GET", tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			var raw json.RawMessage
			if _, err := c.Do(ctx, req, &raw); err != nil {
				t.Fatalf("GET %s: %v", tt.path, err)
			}
			var body map[string]any
			if err := json.Unmarshal(raw, &body); err != nil {
				t.Fatalf("decode %s: %v", tt.path, err)
			}
			got := map[string]any{}
			for k := range tt.want {
				v, ok := body[k]
				if !ok {
					v = "<missing>"
				}
				got[k] = v
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("fields of %s (-got +want):\n%s", tt.path, diff)
			}
		})
	}
}
