package bench

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// growth is one lookup whose request count BENCHMARKS.md follows as the repository grows.
// want is the count it must make at size n: the test fails on any other.
type growth struct {
	name  string
	sizes []int
	// testMax is the largest size the test runs (0: all); the benchmark runs every size.
	testMax int
	want    func(n int) int
	run     func(tb testing.TB, n int) map[string]int
}

// pages is how many pages of a hundred n items take (at least one: an empty list is a page too).
func pages(n int) int { return max(1, (n+99)/100) }

var growths = []growth{
	// The line is known from release/1.0: one matching-refs page of that line's 100 tags, one
	// compare; the other lines' tags are never listed.
	{"release-choose-tag/known-line", []int{100, 1000, 10000}, 0, func(int) int { return 2 }, chooseTag(true)},
	// The line is unknown (merged into main, whose history holds every tag, one a commit): the
	// 100 tags with the newest commits in one GraphQL request and one compare, when they are all
	// the tags; otherwise a compare of the range since the highest of them and the matching-refs
	// page of its line, and the other tags are never listed.
	{"release-choose-tag/unknown-line", []int{100, 1000, 10000}, 0, func(n int) int { return min(4, 2*pages(n)) }, chooseTag(false)},
	// A new incident's postmortem: no issue carries its marker, so every postmortem is read.
	{"postmortem-find", []int{100, 1000}, 0, pages, findPostmortem},
	// The report's incident.Find: every incident listed, and each one's log read (one page each).
	{"incident-find", []int{100, 1000}, 0, func(n int) int { return pages(n) + n }, findIncidents},
	// A /status command on an incident with n comments besides its declaration: the log read
	// once in pages, and after the write only what it gained since (one page).
	{"incident-update", []int{50, 600}, 0, func(n int) int { return pages(n+2) + 7 }, updateIncident},
	// A /status command on an incident whose log has n comments, a quarter of them entries of
	// earlier updates, the last one a few comments back: the issue (its summary keeps the
	// record), the log's tail since the record's newest entry (one page), and after the write
	// what it gained (one page), at any log length. Issue #16's limit is 8.
	{"incident-update-kept", []int{50, 600}, 0, func(int) int { return 8 }, updateKeptIncident},
	// The next /status after incident-update's: the first paid for reading the people's comments
	// and kept the record, so this one reads only the tail since it. Each comment is read by
	// one update (and the re-reads of the last rescanSlack), however long the incident runs.
	{"incident-update-next", []int{50, 600}, 0, func(int) int { return 8 }, updateIncidentAgain},
	// An incident's log with n comments besides its declaration.
	{"incident-load", []int{50, 500}, 0, func(n int) int { return pages(n + 1) }, loadIncident},
}

// TestRequestGrowth fails when a lookup's requests stop following its stated complexity.
func TestRequestGrowth(t *testing.T) {
	t.Parallel()
	for _, g := range growths {
		for _, n := range g.sizes {
			if g.testMax > 0 && n > g.testMax {
				continue
			}
			t.Run(fmt.Sprintf("%s/%d", g.name, n), func(t *testing.T) {
				t.Parallel()
				routes := g.run(t, n)
				got, _ := total(routes)
				t.Logf("n=%d: %d requests: %s", n, got, describe(routes))
				if got != g.want(n) {
					t.Errorf("%s with n=%d made %d requests, want %d: %s", g.name, n, got, g.want(n), describe(routes))
				}
			})
		}
	}
}

// BenchmarkRequestGrowth reports the requests of each lookup at each size; run it with
// -benchtime 1x.
func BenchmarkRequestGrowth(b *testing.B) {
	for _, g := range growths {
		for _, n := range g.sizes {
			b.Run(fmt.Sprintf("%s/n=%d", g.name, n), func(b *testing.B) {
				var got int
				for b.Loop() {
					got, _ = total(g.run(b, n))
				}
				b.ReportMetric(float64(got), "requests")
				b.ReportMetric(0, "ns/op")
			})
		}
	}
}

// chooseTag counts the reads release makes to choose the tag for a hotfix merged into
// release/1.0 (known) or main (unknown), with n tags v1.M.P in the repository, 100 per line.
func chooseTag(known bool) func(testing.TB, int) map[string]int {
	return func(tb testing.TB, n int) map[string]int {
		s := sandboxtest.Start(tb, sandboxtest.Options{})
		base := s.Push("main", map[string]string{"app.go": "1.0.0\n"})
		branch := "main"
		if known {
			branch = "release/1.0"
		}
		if !known {
			return chooseTagIntoMain(tb, s, n)
		}
		pr := mergedPR(9, branch, "hotfix/slow", s.Push(branch, map[string]string{"app.go": "fix\n"}, "main"))
		var names []string
		for i := range n {
			names = append(names, fmt.Sprintf("refs/tags/v1.%d.%d", i/100, i%100))
		}
		packRefs(tb, s.Dir, names, base)
		return reads(counted(s, func() { tagRelease(tb, s.Client, pr) }))
	}
}

// reads keeps the routes that read: GETs and GraphQL queries.
func reads(routes map[string]int) map[string]int {
	out := map[string]int{}
	for route, c := range routes {
		if strings.HasPrefix(route, "GET ") || route == "POST /graphql" {
			out[route] = c
		}
	}
	return out
}

// packRefs adds refs, all at sha, to the bare repository dir by writing git's packed-refs file,
// which is how git keeps many refs: one loose file each would take git minutes of fsyncs.
func packRefs(tb testing.TB, dir string, refs []string, sha string) {
	tb.Helper()
	slices.Sort(refs)
	var b strings.Builder
	b.WriteString("# pack-refs with: peeled fully-peeled sorted \n")
	for _, r := range refs {
		fmt.Fprintf(&b, "%s %s\n", sha, r)
	}
	if err := os.WriteFile(filepath.Join(dir, "packed-refs"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// packRefsAt adds refs (name → sha) to the bare repository dir, as packRefs does.
func packRefsAt(tb testing.TB, dir string, refs map[string]string) {
	tb.Helper()
	names := slices.Sorted(maps.Keys(refs))
	var b strings.Builder
	b.WriteString("# pack-refs with: peeled fully-peeled sorted \n")
	for _, r := range names {
		fmt.Fprintf(&b, "%s %s\n", refs[r], r)
	}
	if err := os.WriteFile(filepath.Join(dir, "packed-refs"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// labelled opens n issues with label.
func labelled(tb testing.TB, s *sandboxtest.Sandbox, n int, label string) {
	tb.Helper()
	for i := range n {
		issue(tb, s, fmt.Sprintf("Issue %d", i), fmt.Sprintf("<!-- hotfix:postmortem incident=%d -->\n", 10000+i), label)
	}
}

// findPostmortem looks for the postmortem of an incident that has none, among n postmortems.
func findPostmortem(tb testing.TB, n int) map[string]int {
	s := sandboxtest.Start(tb, sandboxtest.Options{NoSecondaryLimit: true})
	labelled(tb, s, n, "postmortem")
	return counted(s, func() {
		if _, found, err := postmortem.Find(ctx, s.Client, postmortem.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, "postmortem", "<!-- hotfix:postmortem incident=1 -->"); err != nil || found {
			tb.Fatalf("find: found %v, %v", found, err)
		}
	})
}

// findIncidents loads every one of n incidents, as the report does.
func findIncidents(tb testing.TB, n int) map[string]int {
	s := sandboxtest.Start(tb, sandboxtest.Options{NoSecondaryLimit: true})
	labelled(tb, s, n, config.Default().Incident.Label)
	return counted(s, func() {
		if rs, err := incident.FindLabeled(ctx, s.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, config.Default().Incident.Label, "sandbox-bot", time.Time{}); err != nil || len(rs) != n {
			tb.Fatalf("find: %d incidents, %v; want %d", len(rs), err, n)
		}
	})
}

// updateIncident runs a /status command on an incident with n comments after its declaration,
// on a clock that moves a minute at every reading, as a long incident's log spreads over hours.
func updateIncident(tb testing.TB, n int) map[string]int {
	s := declaredWithComments(tb, n)
	return mustRun(tb, s, "issue_comment", comment(tb, s, 1, "/status identified the pool"), "run").routes
}

// declaredWithComments is a sandbox whose incident #1 was declared, then got n people's comments;
// its clock moves a minute a reading.
func declaredWithComments(tb testing.TB, n int) *sandboxtest.Sandbox {
	clock := &ticking{at: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s := sandboxtest.Start(tb, sandboxtest.Options{NoSecondaryLimit: true, Clock: clock.now})
	mustRun(tb, s, "workflow_dispatch", declarePayload(tb, false), "run")
	for i := range n {
		body := fmt.Sprintf("comment %d", i)
		if _, _, err := s.Client.Issues.CreateComment(ctx, sandboxtest.Owner, sandboxtest.Name, 1, &github.IssueComment{Body: &body}); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// updateIncidentAgain counts the /status command that follows updateIncident's.
func updateIncidentAgain(tb testing.TB, n int) map[string]int {
	s := declaredWithComments(tb, n)
	mustRun(tb, s, "issue_comment", comment(tb, s, 1, "/status identified the pool"), "run")
	return mustRun(tb, s, "issue_comment", comment(tb, s, 1, "/status monitoring the pool"), "run").routes
}

// updateKeptIncident counts a /status command on an incident with n comments after its
// declaration: every fourth an entry of an update (written as the toolkit writes them, then
// the summary re-rendered from the whole log, as the last update left it), the others people's
// comments, the last five after that update.
func updateKeptIncident(tb testing.TB, n int) map[string]int {
	clock := &ticking{at: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	s := sandboxtest.Start(tb, sandboxtest.Options{NoSecondaryLimit: true, Clock: clock.now})
	mustRun(tb, s, "workflow_dispatch", declarePayload(tb, false), "run")
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	for i := range n - 5 {
		body := fmt.Sprintf("comment %d", i)
		if i%4 == 3 {
			e := incident.Entry{Type: incident.Timeline, Text: body}
			if _, err := incident.Append(ctx, s.Client, repo, 1, e); err != nil {
				tb.Fatal(err)
			}
		} else if _, _, err := s.Client.Issues.CreateComment(ctx, sandboxtest.Owner, sandboxtest.Name, 1, &github.IssueComment{Body: &body}); err != nil {
			tb.Fatal(err)
		}
	}
	r, err := incident.Load(ctx, s.Client, repo, 1, "sandbox-bot")
	if err != nil {
		tb.Fatal(err)
	}
	o := incident.Options{Identity: "sandbox-bot", Scale: incident.Severities, Now: clock.now}
	if _, err := incident.Refresh(ctx, s.Client, repo, 1, r.Entries, o); err != nil {
		tb.Fatal(err)
	}
	for i := range 4 {
		body := fmt.Sprintf("after the update %d", i)
		if _, _, err := s.Client.Issues.CreateComment(ctx, sandboxtest.Owner, sandboxtest.Name, 1, &github.IssueComment{Body: &body}); err != nil {
			tb.Fatal(err)
		}
	}
	return mustRun(tb, s, "issue_comment", comment(tb, s, 1, "/status identified the pool"), "run").routes
}

// loadIncident reads the log of an incident with n comments after its declaration.
func loadIncident(tb testing.TB, n int) map[string]int {
	s := declaredWithComments(tb, n)
	return counted(s, func() {
		r, err := incident.Load(ctx, s.Client, incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, 1, "sandbox-bot")
		if err != nil || r.Title != "Checkout fails" {
			tb.Fatalf("load: %+v, %v", r, err)
		}
	})
}
