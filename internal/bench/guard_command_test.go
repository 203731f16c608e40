package bench

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// baselineBinary builds cmd/hotfix as it is at the revision HOTFIX_BASELINE_REV names (for
// example main), from git archive into a temp dir, static as build does, so that another
// revision runs in the same loop; "" when the variable is unset.
func baselineBinary(b *testing.B) string {
	rev := os.Getenv("HOTFIX_BASELINE_REV")
	if rev == "" {
		return ""
	}
	src := b.TempDir()
	archive := exec.Command("sh", "-c", `cd "$(git rev-parse --show-toplevel)" && git archive "$1" | tar -x -C "$2"`, "sh", rev, src)
	if out, err := archive.CombinedOutput(); err != nil {
		b.Fatalf("git archive %s: %v\n%s", rev, err, out)
	}
	out := filepath.Join(b.TempDir(), "hotfix-"+rev)
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, "./cmd/hotfix")
	cmd.Dir = src
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", rev, err, msg)
	}
	return out
}

// BenchmarkGuardCommand runs, for each of the 40 git-flow hotfix ranges, the whole guard
// command (`hotfix guard --base B --head H`, static as build makes it, and the same tree built
// with cgo as guard-cgo) and `git diff --numstat --find-renames B...H`, in turn in one loop,
// each taking each position equally often; with HOTFIX_BASELINE_REV set, the guard of that
// revision too. The large diffs of BenchmarkGuardVsNumstat, where numstat takes 10 ms or more,
// are run the same way. It reports the time per range of each, the guards as a multiple of
// numstat and as the milliseconds they add to it: the mean, and the median over the ranges of
// each round (guard minus numstat on the same range, a moment apart), which a burst of load
// moves less.
func BenchmarkGuardCommand(b *testing.B) {
	runs := guardCommands(b)
	g := gitFlow{files: 2000, hotfixes: 40}
	b.Run(fmt.Sprintf("gitflow/hotfixes=%d", g.hotfixes), func(b *testing.B) {
		dir := fixtureDir(b, g)
		rs, err := g.ranges(dir)
		if err != nil || len(rs) != g.hotfixes {
			b.Fatalf("%d hotfix merges, %v; want %d", len(rs), err, g.hotfixes)
		}
		alternate(b, dir, rs, runs)
	})
	for _, f := range []bigDiff{{5000, 3000}, {100000, 1000}} {
		b.Run(fmt.Sprintf("files=%d/changed=%d", f.files, f.changed), func(b *testing.B) {
			alternate(b, fixtureDir(b, f), [][2]string{{"main", "hotfix/big"}}, runs)
		})
	}
}

// alternate runs every command on every range in turn, b.N rounds, each command taking each
// position equally often, and reports them against the first (reportVsNumstat).
func alternate(b *testing.B, dir string, rs [][2]string, runs []timedCommand) {
	took := make([][]time.Duration, len(runs)) // each command's time on each range of each round
	for n := 0; b.Loop(); n++ {
		for _, r := range rs {
			for k := range runs {
				i := (k + n) % len(runs)
				took[i] = append(took[i], timed(b, dir, runs[i].argv(r[0], r[1])))
			}
		}
	}
	reportVsNumstat(b, runs, took)
}

// timedCommand is one command of an alternating benchmark, given a range's ends.
type timedCommand struct {
	name string
	argv func(base, head string) []string
}

// guardCommands are numstat (first, the baseline) and the guard builds BenchmarkGuardCommand runs.
func guardCommands(b *testing.B) []timedCommand {
	bin, err := build(b.TempDir(), "-trimpath")
	if err != nil {
		b.Fatal(err)
	}
	dynamic, err := buildWith(b.TempDir(), "CGO_ENABLED=1", "-trimpath")
	if err != nil {
		b.Fatal(err)
	}
	alone, err := buildGuard(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	guard := func(bin string) func(base, head string) []string {
		return func(base, head string) []string { return []string{bin, "guard", "--base", base, "--head", head} }
	}
	runs := []timedCommand{
		{"numstat", func(base, head string) []string {
			return []string{"git", "diff", "--numstat", "--find-renames", base + "..." + head}
		}},
		{"hotfix-guard", func(base, head string) []string { return []string{alone, "--base", base, "--head", head} }},
		{"guard", guard(bin)},
		{"guard-cgo", guard(dynamic)},
	}
	if old := baselineBinary(b); old != "" {
		runs = append(runs, timedCommand{"guard-baseline", guard(old)})
	}
	return runs
}

// reportVsNumstat reports each command's mean time per range, and each after the first as a
// multiple of the first (numstat) and as the milliseconds it adds, mean and median.
func reportVsNumstat(b *testing.B, runs []timedCommand, took [][]time.Duration) {
	sum := make([]time.Duration, len(runs))
	for i := range runs {
		for _, d := range took[i] {
			sum[i] += d
		}
		b.ReportMetric(ms(sum[i])/float64(len(took[i])), runs[i].name+"-ms/range")
	}
	for i := 1; i < len(runs); i++ {
		extra := make([]time.Duration, len(took[i]))
		for k := range extra {
			extra[k] = took[i][k] - took[0][k]
		}
		b.ReportMetric(float64(sum[i])/float64(sum[0]), runs[i].name+"-x-numstat")
		b.ReportMetric(ms(sum[i]-sum[0])/float64(len(extra)), runs[i].name+"-extra-ms/range")
		b.ReportMetric(ms(median(extra)), runs[i].name+"-extra-ms-median")
	}
	if len(runs) > 4 {
		b.ReportMetric(float64(sum[2])/float64(sum[4]), "guard-x-baseline")
	}
}

// ms is d in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// timed runs argv in dir and returns how long it took; a guard's exit 1 (a finding) is fine.
func timed(b *testing.B, dir string, argv []string) time.Duration {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		b.Fatalf("%v: %v\n%s", argv, err, out.String())
	}
	return d
}
