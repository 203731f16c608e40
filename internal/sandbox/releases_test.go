package sandbox

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestReleases(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	hotfix := pushBranch(t, dir, "hotfix/db", map[string]string{"db.go": "package db\n"})
	runGit(t, dir, "tag", "v1.0.1", hotfix)
	first, resp, err := c.Repositories.CreateRelease(ctx, "acme", "shop", &github.RepositoryRelease{
		TagName: github.String("v1.0.1"), Name: github.String("v1.0.1"), Body: github.String("Hotfix: db")})
	if err != nil {
		t.Fatalf("create release of an existing tag: %v", err)
	}
	second, _, err := c.Repositories.CreateRelease(ctx, "acme", "shop", &github.RepositoryRelease{
		TagName: github.String("api/v2.0.0"), TargetCommitish: github.String("hotfix/db")})
	if err != nil {
		t.Fatalf("create release of a new tag: %v", err)
	}
	byTag, _, err := c.Repositories.GetReleaseByTag(ctx, "acme", "shop", "api/v2.0.0")
	if err != nil {
		t.Fatalf("get release by tag: %v", err)
	}
	list, _, err := c.Repositories.ListReleases(ctx, "acme", "shop", nil)
	if err != nil {
		t.Fatalf("list releases: %v", err)
	}
	got := []any{resp.StatusCode, first.GetTagName(), first.GetBody(), first.GetTargetCommitish(), first.PublishedAt != nil,
		byTag.GetID() == second.GetID(), runGit(t, dir, "rev-parse", "refs/tags/api/v2.0.0"),
		runGit(t, dir, "rev-parse", "refs/tags/v1.0.1"), []string{list[0].GetTagName(), list[1].GetTagName()}}
	want := []any{201, "v1.0.1", "Hotfix: db", "main", true,
		true, hotfix, hotfix, []string{"api/v2.0.0", "v1.0.1"}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("releases (-got +want):\n%s", diff)
	}
}

func TestReleaseErrors(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	ctx := context.Background()
	create := func(tag, target string) func() error {
		return func() error {
			_, _, err := c.Repositories.CreateRelease(ctx, "acme", "shop", &github.RepositoryRelease{
				TagName: github.String(tag), TargetCommitish: github.String(target)})
			return err
		}
	}
	if err := create("v1.0.0", "")(); err != nil {
		t.Fatalf("create release: %v", err)
	}
	tests := []struct {
		name string
		call func() error
		want apiFailure
	}{
		{"a tag already released", create("v1.0.0", ""), validation(github.Error{Resource: "Release", Field: "tag_name", Code: "already_exists"})},
		{"no tag name", create("", ""), validation(github.Error{Resource: "Release", Field: "tag_name", Code: "missing_field"})},
		{"an unknown target", create("v9.9.9", "no-such-branch"), validation(github.Error{Resource: "Release", Field: "target_commitish", Code: "invalid"})},
		{"get an unknown tag", func() error { _, _, err := c.Repositories.GetReleaseByTag(ctx, "acme", "shop", "v0.0.1"); return err },
			apiFailure{Status: 404, Message: "Not Found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(failure(tt.call()), tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
}
