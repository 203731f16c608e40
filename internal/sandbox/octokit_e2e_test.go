//go:build e2e

package sandbox

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// octokitRest is the @octokit/rest release the check installs with npm.
const octokitRest = "@octokit/rest@22.0.1"

// octokitResult is what testdata/e2e/octokit_checks.mjs prints.
type octokitResult struct {
	MatchingRefs struct {
		Count int     `json:"count"`
		Link  *string `json:"link"`
	} `json:"matchingRefs"`
	ComparePage2 struct {
		SHAs    []string `json:"shas"`
		HasLink bool     `json:"hasLink"`
	} `json:"comparePage2"`
	CompareLast string `json:"compareLast"`
	Tags        struct {
		Count   int  `json:"count"`
		HasNext bool `json:"hasNext"`
	} `json:"tags"`
	TestMerge struct {
		Merged  bool     `json:"merged"`
		SHA     string   `json:"sha"`
		Parents []string `json:"parents"`
	} `json:"testMerge"`
	NotFound    map[string]any `json:"notFound"`
	Conditional struct {
		Status int    `json:"status"`
		Before string `json:"before"`
		After  string `json:"after"`
	} `json:"conditional"`
}

// TestOctokitRestChecks runs the checks through @octokit/rest, unmodified: 250 matching
// tags in one response with no Link; compare's page 2 of a 260-commit range is commits 101-200
// with Link, and unpaged its last commit is the head; the tag list pages; an open mergeable PR's
// merge_commit_sha is a merge commit; a 404 body has status "404"; a GET repeated with its ETag
// is 304 and leaves x-ratelimit-remaining as it was.
func TestOctokitRestChecks(t *testing.T) {
	t.Parallel()
	srv, _, dir := newTestSandbox(t)
	manyTags(t, dir, "v1.", 250)
	shas := manyCommits(t, dir, "long", 260)
	pushBranch(t, dir, "fix", map[string]string{"fix.txt": "fix\n"})
	c := testClient(t, srv, testToken)
	openPull(t, c, "fix", "main")
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)

	got := runOctokit(t, hs.URL)
	want := octokitResult{}
	want.MatchingRefs.Count = 250
	want.ComparePage2.SHAs, want.ComparePage2.HasLink = shas[100:200], true
	want.CompareLast = shas[len(shas)-1]
	want.Tags.Count, want.Tags.HasNext = 100, true
	want.TestMerge.SHA, want.TestMerge.Parents = got.TestMerge.SHA, []string{runGit(t, dir, "rev-parse", "main"), runGit(t, dir, "rev-parse", "fix")}
	want.NotFound = map[string]any{"message": "Not Found", "documentation_url": "https://docs.github.com/rest/repos/repos#get-a-repository", "status": "404"}
	want.Conditional.Status, want.Conditional.Before, want.Conditional.After = 304, got.Conditional.Before, got.Conditional.Before
	if diff := cmp.Diff(got, want); diff != "" || got.TestMerge.SHA == "" || got.Conditional.Before == "" {
		t.Errorf("@octokit/rest checks (-got +want):\n%s", diff)
	}
}

// runOctokit installs @octokit/rest into a temporary directory and runs the checks script
// against baseURL.
func runOctokit(t *testing.T, baseURL string) octokitResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	work := t.TempDir()
	script, err := os.ReadFile(filepath.Join("testdata", "e2e", "octokit_checks.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "checks.mjs"), script, 0o644); err != nil {
		t.Fatal(err)
	}
	install := exec.CommandContext(ctx, "npm", "install", "--no-audit", "--no-fund", "--prefix", work, "--", octokitRest)
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("npm install %s: %v\n%s", octokitRest, err, out)
	}
	node := exec.CommandContext(ctx, "node", "checks.mjs", baseURL, testToken)
	node.Dir = work
	out, err := node.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("node checks.mjs: %v\n%s", err, stderr)
	}
	var res octokitResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("decode %s: %v", out, err)
	}
	return res
}
