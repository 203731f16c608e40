package release

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
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

func TestRunRefusesToTagBehindItsLine(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	other := s.Push("experiment", map[string]string{"app.go": "elsewhere\n"}, "main")
	tagAt(s, "v1.2.4", other)
	m := s.Push("main", map[string]string{"app.go": "fix\n"})

	in := Input{Repo: Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, PR: merged(30, "main", "hotfix/pay", m)}
	_, err := Run(context.Background(), s.Client, in, testConfig())
	if !errors.Is(err, ErrBehindLine) || !strings.Contains(err.Error(), "v1.2.4 is the highest release of line 1.2, but main at") {
		t.Errorf("Run = %v; want ErrBehindLine naming v1.2.4", err)
	}
	if got := s.Git("tag", "--list", "v1.2.*"); got != "v1.2.3\nv1.2.4" {
		t.Errorf("tags = %q, want v1.2.3 and v1.2.4 only", got)
	}
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

// TestConcurrentReleasesNeverRegress releases ten merges of main at once, started in a shuffled
// order: whatever order they finish in, the tags are consecutive, each tag contains every lower
// one, and each merge is in the tag its run names (made by it, or a later one that contains it).
func TestConcurrentReleasesNeverRegress(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	var merges []string
	for i := range 10 {
		merges = append(merges, s.Push("main", map[string]string{fmt.Sprintf("%d.go", i): "fix\n"}))
	}
	results := make([]Result, len(merges))
	errs := make([]error, len(merges))
	var wg sync.WaitGroup
	for _, i := range rand.Perm(len(merges)) {
		wg.Go(func() {
			in := Input{Repo: Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, PR: merged(40+i, "main", fmt.Sprintf("hotfix/%d", i), merges[i])}
			results[i], errs[i] = Run(context.Background(), s.NewClient(), in, testConfig())
		})
	}
	wg.Wait()
	created := 0
	for i, err := range errs {
		if err != nil {
			t.Fatalf("release %d: %v", i, err)
		}
		if results[i].Created == results[i].Released {
			t.Errorf("release %d = %+v; want it created or released in a later tag", i, results[i])
		}
		if results[i].Created {
			created++
		}
		s.Git("merge-base", "--is-ancestor", merges[i], "refs/tags/"+results[i].Tag) // fails the test when not
	}
	tags := strings.Fields(s.Git("tag", "--list", "--sort=version:refname"))
	for k := 1; k < len(tags); k++ {
		if want := fmt.Sprintf("v1.2.%d", k+3); tags[k] != want {
			t.Fatalf("tags = %v; want consecutive patches from v1.2.3", tags)
		}
		s.Git("merge-base", "--is-ancestor", "refs/tags/"+tags[k-1], "refs/tags/"+tags[k])
	}
	if created != len(tags)-1 {
		t.Errorf("%d releases say they created a tag, but %d tags were made", created, len(tags)-1)
	}
}

// TestRunReportsAMergeReleasedInALaterTag handles PR A's merge after B's, which contains A, was
// tagged (A's failed job re-run later): A's run says it is released in B's tag and creates nothing.
func TestRunReportsAMergeReleasedInALaterTag(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	a := s.Push("main", map[string]string{"a.go": "fix A\n"})
	b := s.Push("main", map[string]string{"b.go": "fix B\n"})
	resB, _ := release(t, s, s.Client, merged(35, "main", "hotfix/b", b))
	resA, counts := release(t, s, s.Client, merged(34, "main", "hotfix/a", a))
	if resB.Tag != "v1.2.4" || !resB.Created {
		t.Errorf("B's release = %+v, want v1.2.4 created", resB)
	}
	if resA.Tag != "v1.2.4" || resA.Created || !resA.Released || !strings.Contains(resA.Reason, "already released in v1.2.4") {
		t.Errorf("A's release = %+v, want released in v1.2.4, nothing created", resA)
	}
	if got := s.Git("tag", "--list"); got != "v1.2.3\nv1.2.4" {
		t.Errorf("tags = %q, want v1.2.3 and B's v1.2.4 only", got)
	}
	checkAnnotated(t, s, "v1.2.4", b)
	if w := writes(counts); w != 0 {
		t.Errorf("A's run wrote %d times, want none", w)
	}
}

// TestRunLooksPastTagsOfLaterMerges releases a merge after six later merges on main were
// tagged first: the lowest of those tags is the one the merge is released in.
func TestRunLooksPastTagsOfLaterMerges(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	tagAt(s, "v1.2.3", s.Push("main", map[string]string{"app.go": "1.2.3\n"}))
	m := s.Push("main", map[string]string{"a.go": "fix\n"})
	for i := range 6 {
		tagAt(s, fmt.Sprintf("v1.2.%d", i+4), s.Push("main", map[string]string{fmt.Sprintf("%d.go", i): "later fix\n"}))
	}
	res, _ := release(t, s, s.Client, merged(34, "main", "hotfix/pay", m))
	if res.Tag != "v1.2.4" || res.PreviousTag != "v1.2.3" || res.Created || !res.Released {
		t.Errorf("release = %+v, want released in v1.2.4 after v1.2.3", res)
	}
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
