package bench

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// command is one command run whose API requests BENCHMARKS.md reports. max is what this build
// makes: the test fails when a change makes more, so the file's figures stay true.
type command struct {
	name string
	max  int
	run  func(tb testing.TB) map[string]int // the requests by route
}

// commands are the runs counted, each on a fresh sandbox. The first runs and the reruns of the
// same command share a setup, so each scenario runs its command twice and reports one of them.
var commands = []command{
	{"guard/push", 5, guardPush},
	{"guard/pull-request", 11, guardPull},
	{"release/known-line/first", 4, releaseRun(true, false)},
	{"release/known-line/rerun", 3, releaseRun(true, true)},
	{"release/unknown-line/first", 4, releaseRun(false, false)},
	{"release/unknown-line/rerun", 3, releaseRun(false, true)},
	{"backport/first", 4, backportRun(false)},
	{"backport/rerun", 6, backportRun(true)},
	{"postmortem/first", 3, postmortemRun(false)},
	{"postmortem/rerun", 2, postmortemRun(true)},
	{"merge/first", 12, mergeRun("", false)},
	{"merge/rerun", 12, mergeRun("", true)},
	{"merge/with-incident", 22, mergeRun("Incident: #1", false)},
	{"incident-declare", 11, declareRun(false)},
	{"incident-declare/create-branch", 13, declareRun(true)},
	{"comment/status", 8, commentRun("/status identified eta 30m bad config")},
	{"comment/severity", 8, commentRun("/severity P0")},
	{"comment/commander", 8, commentRun("/commander @bob")},
	{"comment/impact-start", 8, commentRun("/impact-start 2026-01-02T02:30:00Z")},
	{"comment/mitigated", 8, commentRun("/mitigated hotfix PR merged")},
	{"comment/timeline", 8, commentRun("/timeline rolled the canary back")},
	{"comment/resolve", 13, commentRun("/resolve error rate normal")},
	{"action-items-sync", 5, actionItemsRun},
	{"remind", 20, remindRun},
	{"report", 6, reportRun},
}

// TestRequestsPerCommand fails when a command makes more requests than BENCHMARKS.md states.
func TestRequestsPerCommand(t *testing.T) {
	t.Parallel()
	for _, c := range commands {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			routes := c.run(t)
			n, w := total(routes)
			t.Logf("requests: %d, writes: %d: %s", n, w, describe(routes))
			if n > c.max {
				t.Errorf("%s made %d requests, BENCHMARKS.md says %d: %s", c.name, n, c.max, describe(routes))
			}
		})
	}
}

// BenchmarkRequestsPerCommand reports the requests and writes of each command run. Run it with
// -benchtime 1x: the figures are counts, the same on every iteration.
func BenchmarkRequestsPerCommand(b *testing.B) {
	for _, c := range commands {
		b.Run(c.name, func(b *testing.B) {
			var n, w int
			for b.Loop() {
				n, w = total(c.run(b))
			}
			b.ReportMetric(float64(n), "requests")
			b.ReportMetric(float64(w), "writes")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// total sums the requests, and the writes among them. A GraphQL query is a POST that writes
// nothing.
func total(routes map[string]int) (requests, writes int) {
	for route, n := range routes {
		requests += n
		if !strings.HasPrefix(route, "GET ") && route != "POST /graphql" {
			writes += n
		}
	}
	return requests, writes
}

// describe lists the routes with their counts, in a stable order.
func describe(routes map[string]int) string {
	var parts []string
	for _, route := range slices.Sorted(maps.Keys(routes)) {
		parts = append(parts, strings.Replace(route, "/repos/{owner}/{repo}/", "/", 1)+" ×"+strconv.Itoa(routes[route]))
	}
	return strings.Join(parts, "; ")
}
