package release

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// hook runs before each request a client sends, as another process acting at that moment would.
type hook struct {
	before func(*http.Request)
}

func (h hook) RoundTrip(r *http.Request) (*http.Response, error) {
	h.before(r)
	return http.DefaultTransport.RoundTrip(r)
}

// hookedClient is a client for s that calls before ahead of every request.
func hookedClient(t *testing.T, s *sandboxtest.Sandbox, before func(*http.Request)) *github.Client {
	t.Helper()
	c, err := gh.New(context.Background(), gh.Options{Token: sandboxtest.Token, APIURL: s.URL, Transport: hook{before},
		Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// isCreateRef reports whether r creates a ref.
func isCreateRef(r *http.Request) bool {
	return r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/git/refs")
}

func TestRunSkipsAnExistingTagElsewhere(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	other := s.Push("experiment", map[string]string{"app.go": "elsewhere\n"}, "main")
	tagAt(s, "v1.2.4", other)
	m := s.Push("main", map[string]string{"app.go": "fix\n"})

	res, counts := release(t, s, s.Client, merged(30, "main", "hotfix/pay", m))
	if res.Tag != "v1.2.5" || res.PreviousTag != "v1.2.3" || !res.Created {
		t.Errorf("release = %+v, want v1.2.5 after v1.2.3", res)
	}
	if !strings.Contains(res.Reason, "skipped v1.2.4") {
		t.Errorf("reason %q does not say v1.2.4 was skipped", res.Reason)
	}
	if got := s.Git("rev-parse", "refs/tags/v1.2.4^{commit}"); got != other {
		t.Errorf("v1.2.4 moved to %s, want it still on %s", got, other)
	}
	checkAnnotated(t, s, "v1.2.5", m)
	noRefUpdates(t, counts)
}

// noRefUpdates fails when a ref was updated or deleted: tags are never moved.
func noRefUpdates(t *testing.T, counts map[string]int) {
	t.Helper()
	for route, n := range counts {
		if strings.HasPrefix(route, "PATCH ") || strings.HasPrefix(route, "DELETE ") {
			t.Errorf("%d requests to %s, want none", n, route)
		}
	}
}

func TestRunTakesTheNextPatchWhenItLosesARace(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	rival := s.Push("main", map[string]string{"app.go": "rival fix\n"})
	m := s.Push("main", map[string]string{"app.go": "fix\n"})
	var once sync.Once
	c := hookedClient(t, s, func(r *http.Request) {
		if isCreateRef(r) {
			once.Do(func() { tagAt(s, "v1.2.4", rival) }) // another hotfix's release wins v1.2.4 first
		}
	})
	res, counts := release(t, s, c, merged(31, "main", "hotfix/pay", m))
	if res.Tag != "v1.2.5" || res.PreviousTag != "v1.2.4" || !res.Created {
		t.Errorf("release = %+v, want v1.2.5 after the rival's v1.2.4", res)
	}
	if got := s.Git("rev-parse", "refs/tags/v1.2.4^{commit}"); got != rival {
		t.Errorf("v1.2.4 moved to %s, want it still on the rival's %s", got, rival)
	}
	checkAnnotated(t, s, "v1.2.5", m)
	noRefUpdates(t, counts)
	if got := counts["GET /repos/{owner}/{repo}/git/tags/{sha}"]; got != 1 {
		t.Errorf("peeled %d tag objects, want 1 (the rival's, read back after the 422)", got)
	}
}

func TestRunAcceptsTheSameMergeTaggedByAnotherRun(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	m := s.Push("main", map[string]string{"app.go": "fix\n"})
	var once sync.Once
	c := hookedClient(t, s, func(r *http.Request) {
		if isCreateRef(r) {
			once.Do(func() { tagAt(s, "v1.2.4", m) }) // a second run of the same merge got there first
		}
	})
	res, _ := release(t, s, c, merged(32, "main", "hotfix/pay", m))
	if res.Tag != "v1.2.4" || res.Created || !strings.Contains(res.Reason, "another run") {
		t.Errorf("release = %+v, want v1.2.4 reported as made by another run", res)
	}
	if got := s.Git("tag", "--list", "v1.2.*"); got != "v1.2.3\nv1.2.4" {
		t.Errorf("tags = %q, want v1.2.3 and v1.2.4 only", got)
	}
}

func TestRunReadsBackAnUncertainWrite(t *testing.T) {
	t.Parallel()
	faults := sandbox.FaultSpec{Seed: 1, Routes: []sandbox.RouteFault{
		{Method: "POST", Path: "/repos/{owner}/{repo}/git/tags", Kind: sandbox.FaultServerError, Phase: sandbox.PhaseAfter, Count: 1},
		{Method: "POST", Path: "/repos/{owner}/{repo}/git/refs", Kind: sandbox.FaultReset, Phase: sandbox.PhaseAfter, Count: 1},
	}}
	s := sandboxtest.Start(t, sandboxtest.Options{Faults: faults})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	m := s.Push("main", map[string]string{"app.go": "fix\n"})
	res, counts := release(t, s, s.Client, merged(33, "main", "hotfix/pay", m))
	if res.Tag != "v1.2.4" || !res.Created {
		t.Errorf("release = %+v, want v1.2.4 created", res)
	}
	checkAnnotated(t, s, "v1.2.4", m)
	if got := counts["POST /repos/{owner}/{repo}/git/refs"]; got != 1 {
		t.Errorf("ref creations = %d, want 1: the lost response is read back, not written again", got)
	}
	if got := counts["GET /repos/{owner}/{repo}/git/ref/{ref...}"]; got != 1 {
		t.Errorf("ref reads = %d, want 1", got)
	}
}

// TestConcurrentReleasesGetDistinctTags releases ten merges at once: each round of the race has
// one winner, so the last release needs ten tries, and all ten get consecutive tags.
func TestConcurrentReleasesGetDistinctTags(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{NoSecondaryLimit: true}) // on GitHub each release is a job with a token of its own; here ten share one
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	var merges []string
	for i := range 10 {
		merges = append(merges, s.Push("main", map[string]string{fmt.Sprintf("%d.go", i): "fix\n"}))
	}
	results := make([]Result, len(merges))
	errs := make([]error, len(merges))
	var wg sync.WaitGroup
	for i, m := range merges {
		wg.Go(func() {
			in := Input{Repo: Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, PR: merged(40+i, "main", fmt.Sprintf("hotfix/%d", i), m)}
			results[i], errs[i] = Run(context.Background(), s.NewClient(), in, testConfig())
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("release %d: %v", i, err)
		}
		checkAnnotated(t, s, results[i].Tag, merges[i])
	}
	want := "v1.2.3"
	for i := range merges {
		want += fmt.Sprintf("\nv1.2.%d", i+4)
	}
	if tags := s.Git("tag", "--list", "--sort=version:refname"); tags != want {
		t.Errorf("tags = %q, want v1.2.3 to v1.2.13", tags)
	}
}

// TestRunLooksPastTagsOfLaterMerges releases a merge after six later merges on main were
// tagged first, as when ten merges are released at once: those tags contain the merge commit,
// so they do not use up the walk down to the release the merge contains.
func TestRunLooksPastTagsOfLaterMerges(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	m := s.Push("main", map[string]string{"a.go": "fix\n"})
	for i := range 6 {
		tagAt(s, fmt.Sprintf("v1.2.%d", i+4), s.Push("main", map[string]string{fmt.Sprintf("%d.go", i): "later fix\n"}))
	}
	res, _ := release(t, s, s.Client, merged(34, "main", "hotfix/pay", m))
	if res.Tag != "v1.2.10" || res.PreviousTag != "v1.2.3" || !res.Created {
		t.Errorf("release = %+v, want v1.2.10 after v1.2.3", res)
	}
	checkAnnotated(t, s, "v1.2.10", m)
}

func TestChoosingTheTagOnAKnownLineWith10000Tags(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	base := s.Push("main", map[string]string{"app.go": "1.0.0\n"})
	s.Push("release/1.42", map[string]string{"app.go": "branch\n"}, "main")
	m := s.Push("release/1.42", map[string]string{"app.go": "fix\n"}) // pushed first: a fetch would copy every tag
	var names []string
	for minor := range 100 {
		for patch := range 100 {
			names = append(names, fmt.Sprintf("refs/tags/v1.%d.%d", minor, patch))
		}
	}
	packRefs(t, s.Dir, names, base)
	if n := strings.Count(s.Git("tag", "--list"), "\n") + 1; n != 10000 {
		t.Fatalf("the sandbox has %d tags, want 10000", n)
	}

	res, counts := release(t, s, s.Client, merged(50, "release/1.42", "hotfix/slow", m))
	if res.Tag != "v1.42.100" || res.PreviousTag != "v1.42.99" {
		t.Errorf("release = %+v, want v1.42.100 after v1.42.99", res)
	}
	if got := sum(counts) - writes(counts); got > 3 {
		t.Errorf("choosing the tag took %d requests (%v), want at most 3", got, counts)
	}
}

// packRefs adds refs, all pointing at sha, to the bare repository dir by writing git's
// packed-refs file: 10,000 loose refs would take git half a minute of fsyncs to write.
func packRefs(t *testing.T, dir string, refs []string, sha string) {
	t.Helper()
	path := filepath.Join(dir, "packed-refs")
	if _, err := os.Stat(path); err == nil {
		t.Fatalf("%s exists; packRefs only writes a new one", path)
	}
	slices.Sort(refs)
	var b strings.Builder
	b.WriteString("# pack-refs with: peeled fully-peeled sorted \n")
	for _, r := range refs {
		fmt.Fprintf(&b, "%s %s\n", sha, r)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
