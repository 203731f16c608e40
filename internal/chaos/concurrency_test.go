//go:build e2e

package chaos

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestConcurrentMerges merges ten hotfix PRs, one after another on main, then handles their ten
// merge events with ten hotfix processes at once. Whatever order they run in, the release line
// never regresses: the new tags are consecutive patches on merge commits, each contains every
// lower one, every merge is in a tag, and no tag is ever moved.
func TestConcurrentMerges(t *testing.T) {
	t.Parallel()
	w := newWorld(t, sandbox.FaultSpec{})
	l := &life{w: w, run: process(t)}
	l.seed()
	var prs []*github.PullRequest
	for i := range 10 {
		prs = append(prs, l.mergedHotfix(t, fmt.Sprintf("hotfix/fix-%d", i), fmt.Sprintf("fix-%d.txt", i)))
	}
	var jobs []job
	for _, pr := range prs {
		jobs = append(jobs, l.job(pr.GetHead().GetRef(), "pull_request", mergedPayload(t, pr)))
	}
	for i, a := range l.atOnce(t, jobs, "run") {
		if a.code != 0 {
			t.Errorf("the run for %s: %v", prs[i].GetHead().GetRef(), a)
		}
	}
	got := tagTargets(t, w)
	merges := mergeCommits(prs)
	for k := 4; k < 4+len(got)-1; k++ {
		tag := fmt.Sprintf("v1.2.%d", k)
		if !slices.Contains(merges, got[tag]) {
			t.Fatalf("tags %v: %s is missing or not on a merge commit; want consecutive patches from v1.2.4", got, tag)
		}
		w.Git("merge-base", "--is-ancestor", fmt.Sprintf("v1.2.%d", k-1), tag) // fails the test when not
	}
	for _, m := range merges {
		if !slices.ContainsFunc(slices.Collect(maps.Values(got)), func(target string) bool { return w.Contains(target, m) }) {
			t.Errorf("merge commit %s is in no tag", m)
		}
	}
	checkNeverMoved(t, l)
}

// TestConcurrentStatusUpdates posts five /status comments on an incident and handles them with
// five processes at once: every update reaches the log once, and the issue's summary shows all.
func TestConcurrentStatusUpdates(t *testing.T) {
	t.Parallel()
	w := newWorld(t, sandbox.FaultSpec{})
	l := &life{w: w, run: process(t)}
	l.seed()
	l.declare(t)
	var jobs []job
	var texts []string
	for i := range 5 {
		texts = append(texts, fmt.Sprintf("update number %d", i+1))
		jobs = append(jobs, l.commandJob(t, "/status identified "+texts[i]))
	}
	for i, a := range l.atOnce(t, jobs, "run") {
		if a.code != 0 {
			t.Errorf("the run for %q: %v", texts[i], a)
		}
	}
	r, err := incident.Load(context.Background(), w.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, l.incident, bot)
	check(t, "load the incident", err)
	var got []string
	for _, e := range r.Entries {
		if e.Type == incident.Status {
			got = append(got, e.Text)
		}
	}
	slices.Sort(got)
	if diff := cmp.Diff(got, texts); diff != "" {
		t.Errorf("status entries in the log (-got +want):\n%s", diff)
	}
	body := l.issue(t, l.incident).GetBody()
	for _, text := range texts {
		if !strings.Contains(body, text) {
			t.Errorf("the incident's summary lacks %q:\n%s", text, body)
		}
	}
}

// TestSameEventTwiceAtOnce handles one merge event with two processes at once, as when a
// person presses "Re-run" while the first run is still going: one tag, one backport PR, one
// postmortem.
func TestSameEventTwiceAtOnce(t *testing.T) {
	t.Parallel()
	w := newWorld(t, sandbox.FaultSpec{})
	l := &life{w: w, run: process(t)}
	l.seed()
	pr := l.mergedHotfix(t, "hotfix/login-times-out", "svc.txt")
	path := mergedPayload(t, pr)
	j := l.job("merge", "pull_request", path)
	for i, a := range l.atOnce(t, []job{j, j}, "run") {
		if a.code != 0 {
			t.Fatalf("run %d: %v", i+1, a)
		}
		l.postmortem, l.backport = a.number(t, "postmortem_issue"), a.number(t, "backport_prs")
	}
	s := read(t, l)
	got := state{Tags: s.Tags, TagLogs: s.TagLogs, TagMoves: s.TagMoves, Branches: s.Branches, Pulls: s.Pulls, Issues: s.Issues, Duplicates: s.Duplicates}
	want := state{
		Tags: []string{
			fmt.Sprintf("v1.2.3 annotated commit %s: v1.2.3", w.Git("rev-parse", "v1.2.3^{commit}")),
			fmt.Sprintf("v1.2.4 annotated commit %s: Hotfix: Fix login timeout", pr.GetMergeCommitSHA()),
		},
		TagLogs:  map[string]int{"refs/tags/v1.2.3": 1, "refs/tags/v1.2.4": 1},
		Branches: []string{"backport/login-times-out-to-develop", "develop", "main"},
		Pulls:    []string{"backport PR open backport/login-times-out-to-develop→develop", "hotfix PR merged hotfix/login-times-out→main"},
		Issues:   []string{"postmortem open Incident Postmortem: Fix login timeout [postmortem severity/P1]"},
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("state after two runs of one event (-got +want):\n%s", diff)
	}
	checkNeverMoved(t, l)
}

// atOnce starts every job's first attempt at the same moment and waits for all of them.
func (l *life) atOnce(t testing.TB, jobs []job, args ...string) []attempt {
	out := make([]attempt, len(jobs))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			<-start
			out[i] = j.try(t.Context(), t, l.run, 1, args)
		})
	}
	close(start)
	wg.Wait()
	return out
}

// checkNeverMoved fails when a tag ref was updated or deleted: each reflog holds its creation
// only, and no request asked to move or delete one.
func checkNeverMoved(t *testing.T, l *life) {
	t.Helper()
	var s state
	s.TagLogs = map[string]int{}
	s.readRefs(t, l.w.Client, l.w.Dir)
	for ref, n := range s.TagLogs {
		if n != 1 {
			t.Errorf("%s was written %d times, want once:\n%s", ref, n, l.w.Git("reflog", "show", "--no-abbrev", ref))
		}
	}
	if moves := tagMoves(l.w); len(moves) > 0 {
		t.Errorf("requests moved or deleted tags:\n%s", strings.Join(moves, "\n"))
	}
}
