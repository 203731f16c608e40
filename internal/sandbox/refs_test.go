package sandbox

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestGetRef(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	feature := pushBranch(t, dir, "feature/x", map[string]string{"a.txt": "a\n"})
	runGit(t, dir, "tag", "v1.0.0", "main")
	tests := []struct {
		ref         string
		wantSHA     string
		wantType    string
		wantFailure apiFailure
	}{
		{ref: "heads/main", wantSHA: runGit(t, dir, "rev-parse", "main"), wantType: "commit"},
		{ref: "heads/feature/x", wantSHA: feature, wantType: "commit"},
		{ref: "tags/v1.0.0", wantSHA: runGit(t, dir, "rev-parse", "main"), wantType: "commit"},
		{ref: "heads/nope", wantFailure: apiFailure{Status: 404, Message: "Not Found"}},
		{ref: "heads/feature", wantFailure: apiFailure{Status: 404, Message: "Not Found"}},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			t.Parallel()
			ref, _, err := c.Git.GetRef(context.Background(), "acme", "shop", tt.ref)
			if diff := cmp.Diff(failure(err), tt.wantFailure); diff != "" {
				t.Fatalf("get %s: failure (-got +want):\n%s", tt.ref, diff)
			}
			got := []string{ref.GetRef(), ref.GetObject().GetSHA(), ref.GetObject().GetType()}
			want := []string{"refs/" + tt.ref, tt.wantSHA, tt.wantType}
			if tt.wantFailure.Status != 0 {
				want = []string{"", "", ""}
			}
			if diff := cmp.Diff(got, want); diff != "" {
				t.Errorf("get %s (-got +want):\n%s", tt.ref, diff)
			}
		})
	}
}

// TestMatchingRefsUnpaged pins what GitHub does with matching-refs: page and per_page are
// ignored, and every match comes in one response with no Link header.
func TestMatchingRefsUnpaged(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	want := manyTags(t, dir, "v1.2.", 250)
	runGit(t, dir, "tag", "v1.3.0", "main")
	ctx := context.Background()
	opts := &github.ReferenceListOptions{Ref: "tags/v1.2.", ListOptions: github.ListOptions{PerPage: 2, Page: 2}}
	refs, resp, err := c.Git.ListMatchingRefs(ctx, "acme", "shop", opts)
	if err != nil {
		t.Fatalf("list matching refs: %v", err)
	}
	var got []string
	for _, r := range refs {
		got = append(got, r.GetRef())
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("matching refs/tags/v1.2. (-got +want):\n%s", diff)
	}
	if link := resp.Header.Get("Link"); link != "" {
		t.Errorf("matching refs sent Link %q; GitHub sends none", link)
	}
	none, _, err := c.Git.ListMatchingRefs(ctx, "acme", "shop", &github.ReferenceListOptions{Ref: "tags/v9."})
	if err != nil || none == nil || len(none) != 0 {
		t.Errorf("matching tags/v9.: %v, %d refs; want an empty list and no error", err, len(none))
	}
}

// manyTags makes n lightweight tags PREFIX0 … PREFIX(n-1) on main in one git update-ref, and
// returns their full names sorted as git sorts them.
func manyTags(t *testing.T, dir, prefix string, n int) []string {
	t.Helper()
	main := runGit(t, dir, "rev-parse", "main")
	var in strings.Builder
	names := make([]string, 0, n)
	for i := range n {
		name := fmt.Sprintf("refs/tags/%s%d", prefix, i)
		names = append(names, name)
		fmt.Fprintf(&in, "create %s %s\n", name, main)
	}
	cmd := exec.Command("git", "-C", dir, "update-ref", "--stdin")
	cmd.Stdin = strings.NewReader(in.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make %d tags: %v: %s", n, err, out)
	}
	slices.Sort(names)
	return names
}

func TestCreateRef(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	main := runGit(t, dir, "rev-parse", "main")
	tests := []struct {
		name, ref, sha string
		want           apiFailure
	}{
		{name: "new branch", ref: "refs/heads/backport/x", sha: main},
		{name: "existing", ref: "refs/heads/main", sha: main, want: apiFailure{Status: 422, Message: "Reference already exists"}},
		{name: "too few components", ref: "refs/main2", sha: main, want: apiFailure{Status: 422, Message: "Reference name must contain at least three slash-separated components."}},
		{name: "invalid name", ref: "refs/heads/a..b", sha: main, want: apiFailure{Status: 422, Message: "refs/heads/a..b is not a valid ref name."}},
		{name: "missing object", ref: "refs/heads/y", sha: "0123456789012345678901234567890123456789", want: apiFailure{Status: 422, Message: "Object does not exist"}},
		{name: "short sha", ref: "refs/heads/z", sha: main[:7], want: apiFailure{Status: 422, Message: "Object does not exist"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ref, resp, err := c.Git.CreateRef(context.Background(), "acme", "shop", &github.Reference{Ref: github.String(tt.ref), Object: &github.GitObject{SHA: github.String(tt.sha)}})
			if diff := cmp.Diff(failure(err), tt.want); diff != "" {
				t.Fatalf("create %s: failure (-got +want):\n%s", tt.ref, diff)
			}
			if err != nil {
				return
			}
			if resp.StatusCode != http.StatusCreated || ref.GetObject().GetSHA() != tt.sha || runGit(t, dir, "rev-parse", tt.ref) != tt.sha {
				t.Errorf("create %s: status %d, object %s; want 201 and %s in git", tt.ref, resp.StatusCode, ref.GetObject().GetSHA(), tt.sha)
			}
		})
	}
}

func TestUpdateRef(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	base := runGit(t, dir, "rev-parse", "main")
	ahead := pushBranch(t, dir, "ahead", map[string]string{"a.txt": "a\n"})
	other := pushBranch(t, dir, "other", map[string]string{"b.txt": "b\n"})
	tests := []struct {
		name, ref, sha string
		force          bool
		want           apiFailure
	}{
		{name: "fast forward", ref: "heads/ff", sha: ahead},
		{name: "not a fast forward", ref: "heads/nf", sha: other, want: apiFailure{Status: 422, Message: "Update is not a fast forward"}},
		{name: "forced", ref: "heads/forced", sha: other, force: true},
		{name: "missing ref", ref: "heads/nope", sha: ahead, want: apiFailure{Status: 422, Message: "Reference does not exist"}},
		{name: "missing object", ref: "heads/mo", sha: "0123456789012345678901234567890123456789", want: apiFailure{Status: 422, Message: "Object does not exist"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.ref != "heads/nope" {
				runGit(t, dir, "update-ref", "refs/"+tt.ref, ahead)
				if tt.name == "fast forward" {
					runGit(t, dir, "update-ref", "refs/"+tt.ref, base)
				}
			}
			before := gitOutput(dir, "rev-parse", "refs/"+tt.ref)
			_, _, err := c.Git.UpdateRef(context.Background(), "acme", "shop", &github.Reference{Ref: github.String("refs/" + tt.ref), Object: &github.GitObject{SHA: github.String(tt.sha)}}, tt.force)
			if diff := cmp.Diff(failure(err), tt.want); diff != "" {
				t.Fatalf("update %s: failure (-got +want):\n%s", tt.ref, diff)
			}
			want := tt.sha
			if err != nil {
				want = before
			}
			if got := gitOutput(dir, "rev-parse", "refs/"+tt.ref); got != want {
				t.Errorf("%s in git = %s, want %s", tt.ref, got, want)
			}
		})
	}
}

func TestDeleteRef(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "gone", map[string]string{"a.txt": "a\n"})
	ctx := context.Background()
	resp, err := c.Git.DeleteRef(ctx, "acme", "shop", "heads/gone")
	if err != nil || resp.StatusCode != http.StatusNoContent || gitOK(dir, "rev-parse", "--verify", "refs/heads/gone") {
		t.Fatalf("delete heads/gone: %v, status %d; want 204 and the branch gone from git", err, resp.StatusCode)
	}
	_, err = c.Git.DeleteRef(ctx, "acme", "shop", "heads/gone")
	if diff := cmp.Diff(failure(err), apiFailure{Status: 422, Message: "Reference does not exist"}); diff != "" {
		t.Errorf("delete again (-got +want):\n%s", diff)
	}
}
