package bench

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// lifecycle is what the toolkit's runs in one incident cost: their time and their requests.
// The people's actions between them (pushing, opening and merging the PR, filing action items,
// commenting) are not counted.
type lifecycle struct {
	took     time.Duration
	requests int
	runs     int
}

// add counts one run of the toolkit.
func (l *lifecycle) add(o outcome) {
	l.took += o.took
	for _, n := range o.routes {
		l.requests += n
	}
	l.runs++
}

// runLifecycle plays one incident on a sandbox whose every request is delayed by delay:
// declare (with its hotfix branch) → guard on the push → the merge handling (tag, backport,
// postmortem) → action-items sync for two items → /resolve. Each step is `hotfix run` on the
// event GitHub would send.
func runLifecycle(tb testing.TB, delay time.Duration) lifecycle {
	tb.Helper()
	faults, err := sandbox.ParseFaults("delay=" + delay.String())
	if err != nil {
		tb.Fatal(err)
	}
	s := sandboxtest.Start(tb, sandboxtest.Options{Faults: faults})
	s.Push("main", map[string]string{"svc.txt": "one\ntwo\nthree\n"})
	s.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	main := s.Git("rev-parse", "main")
	s.Push("develop", map[string]string{"feature.txt": "new\n"}, "main")
	var l lifecycle
	l.add(mustRun(tb, s, "workflow_dispatch", declarePayload(tb, true), "run"))
	branch := "hotfix/checkout-fails"
	head := s.Push(branch, map[string]string{"svc.txt": "one\nTWO fixed\nthree\n"})
	l.add(mustRun(tb, s, "push", pushPayload(branch, main, head), "run"))
	pr := mergeHotfix(tb, s, branch)
	l.add(mustRun(tb, s, "pull_request", &github.PullRequestEvent{Action: github.String("closed"), Number: pr.Number, PullRequest: pr, Repo: repository()}, "run"))
	pm := postmortemOf(tb, s)
	for _, title := range []string{"Add a pool alarm", "Write the runbook"} {
		item := issue(tb, s, title, "Postmortem: #"+strconv.Itoa(pm), "postmortem-action")
		l.add(mustRun(tb, s, "issues", &github.IssuesEvent{Action: github.String("labeled"), Issue: item, Repo: repository(),
			Label: &github.Label{Name: github.String("postmortem-action")}}, "run"))
	}
	l.add(mustRun(tb, s, "issue_comment", comment(tb, s, 1, "/resolve error rate normal"), "run"))
	return l
}

// mergeHotfix opens the PR from branch into main for incident #1, squash-merges it once GitHub
// has computed its mergeability, deletes the branch, and returns the PR as the event carries it.
func mergeHotfix(tb testing.TB, s *sandboxtest.Sandbox, branch string) *github.PullRequest {
	tb.Helper()
	pr, _, err := s.Client.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.NewPullRequest{
		Title: github.String("Fix checkout"), Head: github.String(branch), Base: github.String("main"), Body: github.String("Incident: #1")})
	if err != nil {
		tb.Fatal(err)
	}
	for range 2 {
		if _, _, err := s.Client.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber()); err != nil {
			tb.Fatal(err)
		}
	}
	if _, _, err := s.Client.PullRequests.Merge(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "squash"}); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.Client.Git.DeleteRef(ctx, sandboxtest.Owner, sandboxtest.Name, "heads/"+branch); err != nil {
		tb.Fatal(err)
	}
	pr, _, err = s.Client.PullRequests.Get(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber())
	if err != nil {
		tb.Fatal(err)
	}
	return pr
}

// postmortemOf finds the one postmortem issue.
func postmortemOf(tb testing.TB, s *sandboxtest.Sandbox) int {
	tb.Helper()
	issues, _, err := s.Client.Issues.ListByRepo(ctx, sandboxtest.Owner, sandboxtest.Name, &github.IssueListByRepoOptions{State: "all", Labels: []string{"postmortem"}})
	if err != nil || len(issues) != 1 {
		tb.Fatalf("%d postmortems, %v; want 1", len(issues), err)
	}
	return issues[0].GetNumber()
}

// BenchmarkLifecycle plays the lifecycle with 50 ms added to every request and, alternately in
// the same loop, with none. It reports the time of each per op, the ratio, the requests, and
// how much of the added time the requests explain (latency-share: 1 means the requests run one
// after another, below 1 that some overlap).
func BenchmarkLifecycle(b *testing.B) {
	const delay = 50 * time.Millisecond
	var fast, slow lifecycle
	for n := 0; b.Loop(); n++ {
		var f, s lifecycle
		if n%2 == 0 {
			f, s = runLifecycle(b, 0), runLifecycle(b, delay)
		} else {
			s, f = runLifecycle(b, delay), runLifecycle(b, 0)
		}
		fast.took, slow.took = fast.took+f.took, slow.took+s.took
		fast.requests, slow.requests, slow.runs = f.requests, s.requests, s.runs
	}
	per := func(d time.Duration) float64 { return float64(d.Milliseconds()) / float64(b.N) }
	b.ReportMetric(per(fast.took), "ms-0ms-latency/op")
	b.ReportMetric(per(slow.took), "ms-50ms-latency/op")
	b.ReportMetric(float64(slow.took)/float64(fast.took), "x-no-latency")
	b.ReportMetric(float64(slow.requests), "requests")
	b.ReportMetric(float64(slow.runs), "runs")
	added := per(slow.took) - per(fast.took)
	b.ReportMetric(added/(float64(slow.requests)*float64(delay.Milliseconds())), "latency-share")
	if fast.requests != slow.requests {
		b.Errorf("the lifecycle made %d requests without latency and %d with it", fast.requests, slow.requests)
	}
}

// TestLifecycleRequests fails when the lifecycle makes more requests than BENCHMARKS.md states.
func TestLifecycleRequests(t *testing.T) {
	t.Parallel()
	l := runLifecycle(t, 0)
	t.Logf("%d runs, %d requests", l.runs, l.requests)
	if l.requests > lifecycleRequests {
		t.Errorf("the lifecycle made %d requests, BENCHMARKS.md says %d", l.requests, lifecycleRequests)
	}
}

// lifecycleRequests is the lifecycle's request count that BENCHMARKS.md states.
const lifecycleRequests = 58
