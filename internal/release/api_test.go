package release

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// testConfig is the default configuration with a fixed tagger.
func testConfig() Config {
	cfg := DefaultConfig()
	cfg.Tagger = Tagger{Name: "Hotfix Bot", Email: "bot@example.com",
		Now: func() time.Time { return time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC) }}
	return cfg
}

// merged is a merged hotfix pull request into base with merge commit sha.
func merged(number int, base, head, sha string) *github.PullRequest {
	return &github.PullRequest{
		Number: github.Int(number), Title: github.String(fmt.Sprintf("Fix checkout %d", number)),
		HTMLURL: github.String(fmt.Sprintf("https://github.com/acme/shop/pull/%d", number)),
		Merged:  github.Bool(true), MergeCommitSHA: github.String(sha),
		Base: &github.PullRequestBranch{Ref: github.String(base)}, Head: &github.PullRequestBranch{Ref: github.String(head)},
	}
}

// release runs Run for pr and returns the result and the requests it made.
func release(t *testing.T, s *sandboxtest.Sandbox, c *github.Client, pr *github.PullRequest) (Result, map[string]int) {
	t.Helper()
	s.Server.ResetRequests()
	in := Input{Repo: Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, PR: pr}
	res, err := Run(context.Background(), c, in, testConfig())
	if err != nil {
		t.Fatalf("Run(#%d): %v", pr.GetNumber(), err)
	}
	return res, s.Server.Requests()
}

// tagAt makes an annotated tag in the sandbox's repository, as a past release did.
func tagAt(s *sandboxtest.Sandbox, name, sha string) {
	s.Git("tag", "-a", "-m", "Release "+name, name, sha)
}

// sum counts all requests.
func sum(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// writes counts the requests that are not GETs.
func writes(counts map[string]int) int {
	n := 0
	for route, c := range counts {
		if !strings.HasPrefix(route, "GET ") && route != "POST /graphql" {
			n += c
		}
	}
	return n
}

// checkAnnotated checks that tag is an annotated tag object on sha in the sandbox's repository.
func checkAnnotated(t *testing.T, s *sandboxtest.Sandbox, tag, sha string) {
	t.Helper()
	if got := s.Git("cat-file", "-t", "refs/tags/"+tag); got != "tag" {
		t.Errorf("git cat-file -t %s = %q, want tag", tag, got)
	}
	if got := s.Git("rev-parse", "refs/tags/"+tag+"^{commit}"); got != sha {
		t.Errorf("%s^{commit} = %s, want the merge commit %s", tag, got, sha)
	}
}

func TestRunTagsTheNextPatchOnce(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "v1.2.3\n"}))
	m1 := s.Push("main", map[string]string{"app.go": "fix 1\n"})

	first, counts := release(t, s, s.Client, merged(11, "main", "hotfix/checkout", m1))
	want := Result{Tag: "v1.2.4", PreviousTag: "v1.2.3", SHA: m1, Created: true}
	if first.Tag != want.Tag || first.PreviousTag != want.PreviousTag || first.SHA != want.SHA || !first.Created {
		t.Errorf("first release = %+v, want %+v", first, want)
	}
	checkAnnotated(t, s, "v1.2.4", m1)
	golden.Check(t, "tag-v1.2.4.golden", s.Git("for-each-ref", "--format=%(taggername) %(taggeremail) %(taggerdate:iso-strict)%0a%0a%(contents)", "refs/tags/v1.2.4"))
	// one page of tags, one compare, the tag object and its ref
	if got := sum(counts); got != 4 || writes(counts) != 2 {
		t.Errorf("first release made %d requests, %d writes (%v), want 4 and 2", got, writes(counts), counts)
	}

	again, counts := release(t, s, s.Client, merged(11, "main", "hotfix/checkout", m1))
	if again.Tag != "v1.2.4" || again.PreviousTag != "v1.2.3" || again.Created {
		t.Errorf("re-run = %+v, want v1.2.4 after v1.2.3, not created", again)
	}
	if writes(counts) != 0 || sum(counts) != 3 {
		t.Errorf("re-run made %d requests, %d writes (%v), want 3 reads and no write", sum(counts), writes(counts), counts)
	}
	if !strings.Contains(again.Reason, "already points at") {
		t.Errorf("re-run reason %q does not say the tag exists", again.Reason)
	}

	m2 := s.Push("main", map[string]string{"app.go": "fix 2\n"})
	next, _ := release(t, s, s.Client, merged(12, "main", "hotfix/cart", m2))
	if next.Tag != "v1.2.5" || next.PreviousTag != "v1.2.4" || !next.Created {
		t.Errorf("next release = %+v, want v1.2.5 after v1.2.4, created", next)
	}
	checkAnnotated(t, s, "v1.2.5", m2)
}

func TestRunOnAMaintenanceLine(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.1.0", s.Push("main", map[string]string{"app.go": "1.1.0\n"}))
	for i := 1; i <= 4; i++ {
		tagAt(s, fmt.Sprintf("v1.1.%d", i), s.Push("release/1.1", map[string]string{"app.go": fmt.Sprintf("1.1.%d\n", i)}, "main"))
	}
	tagAt(s, "v1.2.0", s.Push("main", map[string]string{"app.go": "1.2.0\n"}))
	tagAt(s, "v1.3.0", s.Push("main", map[string]string{"app.go": "1.3.0\n"}))
	m := s.Push("release/1.1", map[string]string{"app.go": "1.1 fix\n"})

	res, counts := release(t, s, s.Client, merged(20, "release/1.1", "hotfix/login", m))
	if res.Tag != "v1.1.5" || res.PreviousTag != "v1.1.4" || !res.Created {
		t.Errorf("release = %+v, want v1.1.5 after v1.1.4", res)
	}
	checkAnnotated(t, s, "v1.1.5", m)
	for _, w := range []string{"release/1.1 names line 1.1, so tags of other lines do not count", "v1.1.4 is the highest stable v-tag in release/1.1"} {
		if !strings.Contains(res.Reason, w) {
			t.Errorf("reason %q does not say %q", res.Reason, w)
		}
	}
	if sum(counts)-writes(counts) != 2 {
		t.Errorf("choosing the tag took %d requests (%v), want 2: matching-refs for the line and one compare", sum(counts)-writes(counts), counts)
	}
	if got := s.Git("rev-parse", "refs/tags/v1.3.0^{commit}"); got == m {
		t.Errorf("v1.3.0 moved to the hotfix")
	}
}

func TestRunFromAGitFlowHotfixBranch(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	m := s.Push("main", map[string]string{"app.go": "fix\n"})
	res, counts := release(t, s, s.Client, merged(21, "main", "hotfix/v1.2.4", m))
	if res.Tag != "v1.2.4" || !strings.Contains(res.Reason, "hotfix/v1.2.4 names line 1.2") {
		t.Errorf("release = %+v, want v1.2.4 on the line the branch names", res)
	}
	if got := counts["GET /repos/{owner}/{repo}/git/matching-refs/{ref...}"]; got != 1 {
		t.Errorf("matching-refs calls = %d, want 1", got)
	}
}

func TestRunRefusesWithoutARelease(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	m := s.Push("main", map[string]string{"app.go": "fix\n"})
	in := Input{Repo: Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, PR: merged(1, "main", "hotfix/x", m)}
	if _, err := Run(context.Background(), s.Client, in, testConfig()); err == nil || !strings.Contains(err.Error(), "contains no stable v-tag") {
		t.Errorf("Run with no tags: error = %v, want one saying there is no release", err)
	}
	in.PR.Merged = github.Bool(false)
	if _, err := Run(context.Background(), s.Client, in, testConfig()); err == nil || !strings.Contains(err.Error(), "no merge commit") {
		t.Errorf("Run on an unmerged pull request: error = %v, want ErrNotMerged", err)
	}
	if got := s.Git("tag", "--list"); got != "" {
		t.Errorf("tags after refusals = %q, want none", got)
	}
}

func TestRunWithAMonorepoPrefix(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	at := s.Push("main", map[string]string{"api/app.go": "3.5.9\n"})
	for _, name := range []string{"api/v3.5.9", "api/v3.5.10", "sdk/metric/v1.45.0", "v9.0.0"} {
		tagAt(s, name, at)
	}
	m := s.Push("main", map[string]string{"api/app.go": "fix\n"})
	cfg := testConfig()
	cfg.Prefix = "api/v"
	in := Input{Repo: Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, PR: merged(60, "main", "hotfix/api", m)}
	res, err := Run(context.Background(), s.Client, in, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Tag != "api/v3.5.11" || res.PreviousTag != "api/v3.5.10" {
		t.Errorf("release = %+v, want api/v3.5.11 after api/v3.5.10", res)
	}
	checkAnnotated(t, s, "api/v3.5.11", m)
}
