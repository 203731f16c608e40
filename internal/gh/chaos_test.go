package gh

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

// chaosSpec fails 30% of requests, before or after the handler, with every transient kind.
const chaosSpec = "seed=%d,rate=0.3,kinds=500+502+403+429+ratelimit+reset+timeout,timeout=5ms,retry-after=0"

// chaosState is what the sequence of writes must leave: each name with its count.
type chaosState struct {
	Branches, Tags, Labels []string
	Issues, Comments       map[string]int // marker key → how many objects carry it
}

// TestChaos runs a sequence of writes through the client while 30% of requests fail, twice, as a
// rerun would, and checks that exactly one of each intended object exists.
func TestChaos(t *testing.T) {
	t.Parallel()
	var lostWrites atomic.Int64
	t.Cleanup(func() {
		if lostWrites.Load() == 0 {
			t.Errorf("no write lost its response in any seed, so the test proved nothing")
		}
	})
	for seed := range uint64(8) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, fmt.Sprintf(chaosSpec, seed))
			c := f.client(t)
			for run := range 2 {
				if err := chaosWrites(t.Context(), c, f.main); err != nil {
					t.Fatalf("run %d: %v", run+1, err)
				}
			}
			if diff := cmp.Diff(readState(t, f.direct), wantChaos()); diff != "" {
				t.Errorf("state after the writes (-got +want):\n%s", diff)
			}
			faults := f.faults.get()
			if len(faults) < 8 {
				t.Errorf("%d faults injected, want at least 8", len(faults))
			}
			lostWrites.Add(int64(countLost(faults)))
		})
	}
}

// chaosWrites is the sequence: branches, an annotated tag, labels, issues and their comments.
func chaosWrites(ctx context.Context, c *github.Client, sha string) error {
	for _, b := range []string{"hotfix/db-pool", "backport/db-pool-to-develop", "release/1.1"} {
		if _, err := ensureRef(ctx, c, "refs/heads/"+b, sha); err != nil {
			return fmt.Errorf("ensure branch %s: %w", b, Explain(err))
		}
	}
	if _, err := ensureTag(ctx, c, "v1.0.1", sha, "Hotfix: db pool"); err != nil {
		return fmt.Errorf("ensure tag v1.0.1: %w", Explain(err))
	}
	for _, l := range []string{"incident", "severity/P1", "postmortem-action"} {
		if _, err := ensureLabel(ctx, c, l); err != nil {
			return fmt.Errorf("ensure label %s: %w", l, Explain(err))
		}
	}
	for _, key := range []string{"incident-1", "postmortem-1"} {
		is, err := ensureIssue(ctx, c, key, "Issue "+key)
		if err != nil {
			return fmt.Errorf("ensure issue %s: %w", key, Explain(err))
		}
		for i := range 3 {
			if _, err := ensureComment(ctx, c, is.GetNumber(), fmt.Sprintf("%s-update-%d", key, i)); err != nil {
				return fmt.Errorf("ensure comment %d on #%d: %w", i, is.GetNumber(), Explain(err))
			}
		}
	}
	return nil
}

// wantChaos is the state chaosWrites means to leave.
func wantChaos() chaosState {
	want := chaosState{
		Branches: []string{"backport/db-pool-to-develop", "hotfix/db-pool", "main", "release/1.1"},
		Tags:     []string{"v1.0.1 (tag)"},
		Labels:   []string{"incident", "postmortem-action", "severity/P1"},
		Issues:   map[string]int{"incident-1": 1, "postmortem-1": 1},
		Comments: map[string]int{},
	}
	for key := range want.Issues {
		for i := range 3 {
			want.Comments[fmt.Sprintf("%s-update-%d", key, i)] = 1
		}
	}
	return want
}

// readState lists what the sandbox holds, through a client without faults.
func readState(t *testing.T, c *github.Client) chaosState {
	t.Helper()
	ctx := t.Context()
	st := chaosState{Issues: map[string]int{}, Comments: map[string]int{}}
	for _, r := range listRefs(t, c, "heads/") {
		st.Branches = append(st.Branches, strings.TrimPrefix(r.GetRef(), "refs/heads/"))
	}
	for _, r := range listRefs(t, c, "tags/") {
		st.Tags = append(st.Tags, strings.TrimPrefix(r.GetRef(), "refs/tags/")+" ("+r.GetObject().GetType()+")")
	}
	labels, _, err := c.Issues.ListLabels(ctx, "acme", "shop", &github.ListOptions{PerPage: 100})
	if err != nil {
		t.Fatalf("list labels: %v", err)
	}
	for _, l := range labels {
		if !l.GetDefault() { // the repository's own labels are not the writes' doing
			st.Labels = append(st.Labels, l.GetName())
		}
	}
	issues, _, err := c.Issues.ListByRepo(ctx, "acme", "shop", &github.IssueListByRepoOptions{State: "all", ListOptions: github.ListOptions{PerPage: 100}})
	if err != nil {
		t.Fatalf("list issues: %v", err)
	}
	for _, is := range issues {
		countMarkers(st.Issues, is.GetBody())
		comments, err := allComments(ctx, c, is.GetNumber())
		if err != nil {
			t.Fatalf("list comments on #%d: %v", is.GetNumber(), err)
		}
		for _, cm := range comments {
			countMarkers(st.Comments, cm.GetBody())
		}
	}
	slices.Sort(st.Branches)
	slices.Sort(st.Labels)
	return st
}

// listRefs lists the refs under prefix.
func listRefs(t *testing.T, c *github.Client, prefix string) []*github.Reference {
	t.Helper()
	refs, _, err := c.Git.ListMatchingRefs(t.Context(), "acme", "shop", &github.ReferenceListOptions{Ref: prefix})
	if err != nil {
		t.Fatalf("list refs %s: %v", prefix, err)
	}
	return refs
}

// countMarkers counts the marker keys in body.
func countMarkers(counts map[string]int, body string) {
	for _, part := range strings.Split(body, "<!-- hotfix:test key=")[1:] {
		key, _, _ := strings.Cut(part, " -->")
		counts[key]++
	}
}

// countLost counts the faults that struck a write after the handler ran.
func countLost(faults []sandbox.Fault) int {
	n := 0
	for _, f := range faults {
		if f.Phase == sandbox.PhaseAfter && f.Method != "GET" {
			n++
		}
	}
	return n
}
