package sandbox

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestGetContents(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "main", map[string]string{".github/hotfix.yml": "guard:\n  max_lines: 20\n"})
	pushBranch(t, dir, "hotfix/x", map[string]string{".github/hotfix.yml": "guard:\n  max_lines: 9000\n"})
	ctx := context.Background()
	for ref, want := range map[string]string{"main": "guard:\n  max_lines: 20\n", "hotfix/x": "guard:\n  max_lines: 9000\n", "": "guard:\n  max_lines: 20\n"} {
		f, _, _, err := c.Repositories.GetContents(ctx, "acme", "shop", ".github/hotfix.yml", &github.RepositoryContentGetOptions{Ref: ref})
		if err != nil {
			t.Fatalf("ref %q: %v", ref, err)
		}
		got, err := f.GetContent()
		if err != nil || got != want {
			t.Errorf("ref %q: content %q, %v; want %q", ref, got, err, want)
		}
	}
	for _, tc := range []struct{ path, ref string }{{"missing.yml", "main"}, {".github/hotfix.yml", "nope"}, {".github", "hotfix/nope"}} {
		_, _, resp, err := c.Repositories.GetContents(ctx, "acme", "shop", tc.path, &github.RepositoryContentGetOptions{Ref: tc.ref})
		if err == nil || resp.StatusCode != 404 {
			t.Errorf("%s at %s: %v, want 404", tc.path, tc.ref, err)
		}
	}
}

// TestDirectoryAndRawContents reads a directory as an array of entries, as go-github's
// DownloadContents does through the parent directory, and a file's raw bytes.
func TestDirectoryAndRawContents(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "main", map[string]string{".github/hotfix.yml": "guard: {}\n", ".github/workflows/ci.yml": "on: push\n"})
	ctx := context.Background()
	_, entries, _, err := c.Repositories.GetContents(ctx, "acme", "shop", ".github", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, fmt.Sprintf("%s %s %d %v", e.GetType(), e.GetPath(), e.GetSize(), e.DownloadURL != nil))
	}
	if diff := cmp.Diff(got, []string{"file .github/hotfix.yml 10 true", "dir .github/workflows 0 false"}); diff != "" {
		t.Errorf(".github entries (-got +want):\n%s", diff)
	}
	_, root, _, err := c.Repositories.GetContents(ctx, "acme", "shop", "", nil)
	if err != nil || len(root) != 2 {
		t.Errorf("root directory: %v, %d entries; want .github and README.md", err, len(root))
	}
	rc, _, err := c.Repositories.DownloadContents(ctx, "acme", "shop", ".github/workflows/ci.yml", nil)
	if err != nil {
		t.Fatalf("download contents: %v", err)
	}
	data, _ := io.ReadAll(rc)
	rc.Close()
	req, _ := c.NewRequest(http.MethodGet, "repos/acme/shop/contents/.github/hotfix.yml", nil)
	req.Header.Set("Accept", "application/vnd.github.raw")
	var raw bytes.Buffer
	resp, err := c.Do(ctx, req, &raw)
	if err != nil {
		t.Fatal(err)
	}
	got = []string{string(data), raw.String(), resp.Header.Get("Content-Type")}
	if diff := cmp.Diff(got, []string{"on: push\n", "guard: {}\n", "application/vnd.github.raw; charset=utf-8"}); diff != "" {
		t.Errorf("downloaded, raw and its content type (-got +want):\n%s", diff)
	}
}
