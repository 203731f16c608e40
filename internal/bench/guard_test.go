//go:build unix

package bench

import (
	"fmt"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

// fixture is a generated repository, built once and cached in the temp dir.
type fixture interface {
	name() string
	build(dir string) error
}

var (
	fixturesMu sync.Mutex
	fixtures   = map[string]string{}
)

// fixtureDir returns the fixture's repository, building it on first use.
func fixtureDir(tb testing.TB, f fixture) string {
	tb.Helper()
	fixturesMu.Lock()
	defer fixturesMu.Unlock()
	if dir, ok := fixtures[f.name()]; ok {
		return dir
	}
	dir, err := cached(f.name(), f.build)
	if err != nil {
		tb.Fatalf("build %s: %v", f.name(), err)
	}
	fixtures[f.name()] = dir
	return dir
}

// span is one range guard checks.
type span struct{ base, head string }

// guardPath is the whole local guard: the change set from git, then every rule of the default
// policy.
func guardPath(tb testing.TB, dir string, r span) guard.Result {
	set, err := change.FromGit(ctx, dir, r.base, r.head)
	if err != nil {
		tb.Fatal(err)
	}
	return guard.Check(set, config.Default().Guard, "")
}

// numstat is the baseline: plain git diff --numstat --find-renames over the same range, its
// output read whole.
func numstat(tb testing.TB, dir string, r span) string {
	out, err := exec.Command("git", "-C", dir, "diff", "--numstat", "--find-renames", r.base+"..."+r.head).Output()
	if err != nil {
		tb.Fatalf("git diff --numstat %s...%s: %v", r.base, r.head, err)
	}
	return string(out)
}

// totals are the counts guard reports, read from numstat's output.
type totals struct{ files, additions, deletions int }

func numstatTotals(out string) totals {
	var t totals
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		t.files++
		a, _ := strconv.Atoi(f[0]) // "-" for a binary file counts 0, as guard does
		d, _ := strconv.Atoi(f[1])
		t.additions, t.deletions = t.additions+a, t.deletions+d
	}
	return t
}

// checkSpans fails unless guard counts what numstat counts on every range.
func checkSpans(tb testing.TB, dir string, spans []span) {
	tb.Helper()
	for _, r := range spans {
		res := guardPath(tb, dir, r)
		got := totals{res.ChangedFiles, res.Additions, res.Deletions}
		if want := numstatTotals(numstat(tb, dir, r)); got != want {
			tb.Fatalf("guard on %s...%s counts %+v, numstat %+v", r.base, r.head, got, want)
		}
	}
}

// versus alternates the baseline and the measured code in one loop, swapping which goes first,
// so the load of the machine falls on both alike. It reports the measured code's wall time as a
// multiple of the baseline's over the whole run (x-numstat) and as the median of the pairs
// (x-numstat-median), its CPU time (this process and its git children) the same way
// (cpu-x-numstat), and both times per op.
func versus(b *testing.B, baseline, measured func()) {
	var wall, cpu [2]time.Duration
	var pairs []float64
	measure := func(i int, f func()) time.Duration {
		start, startCPU := time.Now(), cpuTime()
		f()
		took := time.Since(start)
		wall[i] += took
		cpu[i] += cpuTime() - startCPU
		return took
	}
	for n := 0; b.Loop(); n++ {
		var base, ours time.Duration
		if n%2 == 0 {
			base, ours = measure(0, baseline), measure(1, measured)
		} else {
			ours, base = measure(1, measured), measure(0, baseline)
		}
		pairs = append(pairs, float64(ours)/float64(base))
	}
	slices.Sort(pairs)
	b.ReportMetric(float64(wall[1])/float64(wall[0]), "x-numstat")
	b.ReportMetric(pairs[len(pairs)/2], "x-numstat-median")
	b.ReportMetric(float64(cpu[1])/float64(cpu[0]), "cpu-x-numstat")
	b.ReportMetric(float64(wall[0].Microseconds())/1000/float64(b.N), "numstat-ms/op")
	b.ReportMetric(float64(wall[1].Microseconds())/1000/float64(b.N), "guard-ms/op")
}

// cpuTime is the user and system time of this process and its waited-for children.
func cpuTime() time.Duration {
	var total time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var ru syscall.Rusage
		if err := syscall.Getrusage(who, &ru); err == nil {
			total += time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
	}
	return total
}

// BenchmarkGuardVsNumstat runs the whole local guard (change.FromGit and guard.Check) against
// plain git diff --numstat on the same ranges: one large diff in a large tree, one diff of
// thousands of files, and every hotfix range of a generated git-flow history (one op is all of
// them).
func BenchmarkGuardVsNumstat(b *testing.B) {
	for _, f := range []bigDiff{{100000, 1000}, {5000, 3000}} {
		b.Run(fmt.Sprintf("files=%d/changed=%d", f.files, f.changed), func(b *testing.B) {
			dir := fixtureDir(b, f)
			spans := []span{{"main", "hotfix/big"}}
			checkSpans(b, dir, spans)
			benchSpans(b, dir, spans)
		})
	}
	g := gitFlow{files: 2000, hotfixes: 40}
	b.Run(fmt.Sprintf("gitflow/hotfixes=%d", g.hotfixes), func(b *testing.B) {
		dir := fixtureDir(b, g)
		rs, err := g.ranges(dir)
		if err != nil || len(rs) != g.hotfixes {
			b.Fatalf("%d hotfix merges, %v; want %d", len(rs), err, g.hotfixes)
		}
		var spans []span
		for _, r := range rs {
			spans = append(spans, span{r[0], r[1]})
		}
		checkSpans(b, dir, spans)
		benchSpans(b, dir, spans)
	})
}

// benchSpans alternates numstat and guard over every span in each op.
func benchSpans(b *testing.B, dir string, spans []span) {
	versus(b, func() {
		for _, r := range spans {
			numstat(b, dir, r)
		}
	}, func() {
		for _, r := range spans {
			guardPath(b, dir, r)
		}
	})
}
