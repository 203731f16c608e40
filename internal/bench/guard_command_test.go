package bench

import (
	"bytes"
	"errors"
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
// revision too. It reports the time per range of each and the guards as a
// multiple of numstat and as the milliseconds they add to it.
func BenchmarkGuardCommand(b *testing.B) {
	g := gitFlow{files: 2000, hotfixes: 40}
	dir := fixtureDir(b, g)
	rs, err := g.ranges(dir)
	if err != nil || len(rs) != g.hotfixes {
		b.Fatalf("%d hotfix merges, %v; want %d", len(rs), err, g.hotfixes)
	}
	bin, err := build(b.TempDir(), "-trimpath")
	if err != nil {
		b.Fatal(err)
	}
	dynamic, err := buildWith(b.TempDir(), "CGO_ENABLED=1", "-trimpath")
	if err != nil {
		b.Fatal(err)
	}
	runs := []struct {
		name string
		argv func(base, head string) []string
	}{
		{"numstat", func(base, head string) []string {
			return []string{"git", "diff", "--numstat", "--find-renames", base + "..." + head}
		}},
		{"guard", func(base, head string) []string { return []string{bin, "guard", "--base", base, "--head", head} }},
		{"guard-cgo", func(base, head string) []string { return []string{dynamic, "guard", "--base", base, "--head", head} }},
	}
	if old := baselineBinary(b); old != "" {
		runs = append(runs, struct {
			name string
			argv func(base, head string) []string
		}{"guard-baseline", func(base, head string) []string { return []string{old, "guard", "--base", base, "--head", head} }})
	}
	took := make([]time.Duration, len(runs))
	for n := 0; b.Loop(); n++ {
		for _, r := range rs {
			for k := range runs {
				i := (k + n) % len(runs)
				took[i] += timed(b, dir, runs[i].argv(r[0], r[1]))
			}
		}
	}
	per := float64(b.N * len(rs))
	for i, r := range runs {
		b.ReportMetric(float64(took[i].Microseconds())/1000/per, r.name+"-ms/range")
		if i > 0 {
			b.ReportMetric(float64(took[i])/float64(took[0]), r.name+"-x-numstat")
			b.ReportMetric(float64((took[i]-took[0]).Microseconds())/1000/per, r.name+"-extra-ms/range")
		}
	}
	if len(runs) > 3 {
		b.ReportMetric(float64(took[1])/float64(took[3]), "guard-x-baseline")
	}
}

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
