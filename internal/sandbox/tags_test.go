package sandbox

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestAnnotatedTag(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	ctx := context.Background()
	main := runGit(t, dir, "rev-parse", "main")
	when := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	tag, _, err := c.Git.CreateTag(ctx, "acme", "shop", &github.Tag{
		Tag: github.String("v1.2.4"), Message: github.String("Hotfix: fix the crash\n\nPR #7"),
		Object: &github.GitObject{SHA: github.String(main), Type: github.String("commit")},
		Tagger: &github.CommitAuthor{Name: github.String("Release Bot"), Email: github.String("bot@example.com"), Date: &github.Timestamp{Time: when}},
	})
	if err != nil {
		t.Fatalf("create tag: %v", err)
	}
	if _, _, err := c.Git.CreateRef(ctx, "acme", "shop", &github.Reference{Ref: github.String("refs/tags/v1.2.4"), Object: &github.GitObject{SHA: tag.SHA}}); err != nil {
		t.Fatalf("create tag ref: %v", err)
	}
	got, _, err := c.Git.GetTag(ctx, "acme", "shop", tag.GetSHA())
	if err != nil {
		t.Fatalf("get tag: %v", err)
	}
	ref, _, err := c.Git.GetRef(ctx, "acme", "shop", "tags/v1.2.4")
	if err != nil {
		t.Fatalf("get tag ref: %v", err)
	}
	gotFacts := []string{
		runGit(t, dir, "cat-file", "-t", "refs/tags/v1.2.4"), runGit(t, dir, "rev-parse", "v1.2.4^{commit}"),
		got.GetTag(), got.GetMessage(), got.GetTagger().GetName(), got.GetTagger().GetEmail(), got.GetTagger().GetDate().UTC().Format(time.RFC3339),
		got.GetObject().GetSHA(), got.GetObject().GetType(), ref.GetObject().GetType(), ref.GetObject().GetSHA(),
	}
	want := []string{
		"tag", main,
		"v1.2.4", "Hotfix: fix the crash\n\nPR #7", "Release Bot", "bot@example.com", "2026-03-04T05:06:07Z",
		main, "commit", "tag", tag.GetSHA(),
	}
	if diff := cmp.Diff(gotFacts, want); diff != "" {
		t.Errorf("annotated tag (-got +want):\n%s", diff)
	}
}

func TestTagErrors(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	main := runGit(t, dir, "rev-parse", "main")
	tests := []struct {
		name string
		tag  *github.Tag
		want apiFailure
	}{
		{name: "missing object", tag: &github.Tag{Tag: github.String("v1"), Message: github.String("m"), Object: &github.GitObject{SHA: github.String("0123456789012345678901234567890123456789"), Type: github.String("commit")}},
			want: apiFailure{Status: 422, Message: "Object does not exist"}},
		{name: "no name", tag: &github.Tag{Message: github.String("m"), Object: &github.GitObject{SHA: github.String(main), Type: github.String("commit")}},
			want: validation(github.Error{Resource: "Tag", Field: "tag", Code: "missing_field"})},
		{name: "wrong type", tag: &github.Tag{Tag: github.String("v1"), Message: github.String("m"), Object: &github.GitObject{SHA: github.String(main), Type: github.String("tree")}},
			want: validation(github.Error{Resource: "Tag", Field: "type", Code: "invalid"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := c.Git.CreateTag(context.Background(), "acme", "shop", tt.tag)
			if diff := cmp.Diff(failure(err), tt.want); diff != "" {
				t.Errorf("create tag (-got +want):\n%s", diff)
			}
		})
	}
	_, _, err := c.Git.GetTag(context.Background(), "acme", "shop", main)
	if diff := cmp.Diff(failure(err), apiFailure{Status: 404, Message: "Not Found"}); diff != "" {
		t.Errorf("get a commit as a tag (-got +want):\n%s", diff)
	}
}
