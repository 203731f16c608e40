//go:build unix

package change

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// Bench fixture sizes: files at main, and files the hotfix branch changes.
const (
	benchFiles   = 5000
	benchChanged = 3000
)

// benchDir builds the benchmark repository once per process, and keeps it between runs in the
// temp dir under a name that changes with the fixture.
var benchDir = sync.OnceValues(func() (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("hotfix-change-bench-%d-%d-v1", benchFiles, benchChanged))
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return dir, nil
	}
	tmp, err := os.MkdirTemp(os.TempDir(), "hotfix-change-bench-build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	if err := buildBenchRepo(tmp); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, "complete"), nil, 0o644); err != nil {
		return "", err
	}
	_ = os.RemoveAll(dir)
	return dir, os.Rename(tmp, dir)
})

// buildBenchRepo makes main with benchFiles text files of 40 to 120 lines in 50 packages, and
// hotfix/big, which changes benchChanged of them: 55% get a few lines replaced, 10% are
// reindented, 5% gain blank lines, 10% are deleted, 10% are renamed with an edit, 5% change
// mode, 5% become binary. The objects are then packed, as in a clone.
func buildBenchRepo(dir string) error {
	rnd := rand.New(rand.NewPCG(7, 11))
	paths := make([]string, benchFiles)
	for i := range paths {
		paths[i] = fmt.Sprintf("pkg%02d/file%04d.go", i%50, i)
		if err := writeBench(dir, paths[i], benchText(rnd, i), 0o644); err != nil {
			return err
		}
	}
	steps := [][]string{{"init", "-q", "-b", "main"}, {"add", "-A"}, {"commit", "-qm", "base"}, {"checkout", "-qb", "hotfix/big"}}
	if err := gitSteps(dir, steps...); err != nil {
		return err
	}
	for k, i := range rnd.Perm(benchFiles)[:benchChanged] {
		if err := benchChange(dir, paths[i], k%20, rnd); err != nil {
			return err
		}
	}
	return gitSteps(dir, []string{"add", "-A"}, []string{"commit", "-qm", "big hotfix"}, []string{"repack", "-adq"})
}

// benchText is a file of 40 to 120 numbered lines.
func benchText(rnd *rand.Rand, i int) string {
	var b strings.Builder
	for j := range 40 + rnd.IntN(80) {
		fmt.Fprintf(&b, "\tvalue%d := compute(%d, %d) // file %d\n", j, i, rnd.IntN(1000), i)
	}
	return b.String()
}

// benchChange applies change kind (0..19, in twentieths) to one file.
func benchChange(dir, path string, kind int, rnd *rand.Rand) error {
	full := filepath.Join(dir, path)
	data, err := os.ReadFile(full)
	if err != nil {
		return err
	}
	lines := strings.SplitAfter(string(data), "\n")
	switch {
	case kind < 11:
		for range 3 {
			lines[rnd.IntN(len(lines)-1)] = fmt.Sprintf("\tfixed := %d\n", rnd.Int())
		}
	case kind < 13:
		lines = reindent(lines)
	case kind < 14:
		lines = append(lines[:5], append([]string{"\n", "\n"}, lines[5:]...)...)
	case kind < 16:
		return os.Remove(full)
	case kind < 18:
		lines[0] = "// moved\n"
		if err := os.Remove(full); err != nil {
			return err
		}
		full = strings.Replace(full, "file", "moved", 1)
	case kind < 19:
		return os.Chmod(full, 0o755)
	default:
		lines = []string{fmt.Sprintf("\x00binary %d", rnd.Int())}
	}
	return os.WriteFile(full, []byte(strings.Join(lines, "")), 0o644)
}

// writeBench writes one file, making its directory.
func writeBench(dir, path, content string, mode os.FileMode) error {
	full := filepath.Join(dir, path)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, []byte(content), mode)
}

// gitSteps runs git commands in dir with the fixed test environment.
func gitSteps(dir string, steps ...[]string) error {
	for _, args := range steps {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = gittest.Env
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v: %s", args[0], err, out)
		}
	}
	return nil
}

// benchRepo returns the fixture, checked once against numstat.
func benchRepo(b *testing.B) string {
	b.Helper()
	dir, err := benchDir()
	if err != nil {
		b.Fatal(err)
	}
	checkBench.Do(func() {
		set, err := FromGit(context.Background(), dir, "main", "hotfix/big")
		if err != nil {
			b.Fatal(err)
		}
		if got, want := setTotals(set), numstat(b, dir, "main", "hotfix/big"); got != want || got.Files != benchChanged {
			b.Fatalf("fixture totals %+v, numstat %+v, want %d files", got, want, benchChanged)
		}
	})
	return dir
}

// checkBench makes benchRepo check the fixture once.
var checkBench sync.Once

// numstatBaseline runs the baseline: plain git diff --numstat --find-renames, output read whole.
func numstatBaseline(b *testing.B, dir string) {
	out, err := exec.Command("git", "-C", dir, "diff", "--numstat", "--find-renames", "main...hotfix/big").Output()
	if err != nil || len(out) == 0 {
		b.Fatalf("git diff --numstat: %v", err)
	}
}

// fromGit runs the measured code.
func fromGit(b *testing.B, dir string) {
	if _, err := FromGit(context.Background(), dir, "main", "hotfix/big"); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkGitDiffNumstat(b *testing.B) {
	dir := benchRepo(b)
	for b.Loop() {
		numstatBaseline(b, dir)
	}
}

func BenchmarkFromGit(b *testing.B) {
	dir := benchRepo(b)
	for b.Loop() {
		fromGit(b, dir)
	}
}

// BenchmarkFromGitVsNumstat alternates the baseline and FromGit in one loop, so that the load of
// the machine falls on both alike. It reports FromGit's wall time as a multiple of the baseline's,
// over the whole run (x-numstat) and as the median of each iteration's pair (x-numstat-median),
// and its CPU time, its git processes and this process together, the same way (cpu-x-numstat).
func BenchmarkFromGitVsNumstat(b *testing.B) {
	dir := benchRepo(b)
	var wall, cpu [2]time.Duration
	var pairs []float64
	measure := func(i int, run func(*testing.B, string)) time.Duration {
		start, startCPU := time.Now(), cpuTime()
		run(b, dir)
		took := time.Since(start)
		wall[i] += took
		cpu[i] += cpuTime() - startCPU
		return took
	}
	for n := 0; b.Loop(); n++ {
		var base, ours time.Duration
		if n%2 == 0 {
			base, ours = measure(0, numstatBaseline), measure(1, fromGit)
		} else {
			ours, base = measure(1, fromGit), measure(0, numstatBaseline)
		}
		pairs = append(pairs, float64(ours)/float64(base))
	}
	slices.Sort(pairs)
	b.ReportMetric(float64(wall[1])/float64(wall[0]), "x-numstat")
	b.ReportMetric(pairs[len(pairs)/2], "x-numstat-median")
	b.ReportMetric(float64(cpu[1])/float64(cpu[0]), "cpu-x-numstat")
	b.ReportMetric(float64(wall[0].Milliseconds())/float64(b.N), "numstat-ms/op")
	b.ReportMetric(float64(wall[1].Milliseconds())/float64(b.N), "fromgit-ms/op")
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

// BenchmarkParseDiff measures this process's share of FromGit: parsing the diff output of the
// fixture, read from memory.
func BenchmarkParseDiff(b *testing.B) {
	dir := benchRepo(b)
	out, err := exec.Command("git", append([]string{"-C", dir}, diffArgs("main", "hotfix/big")...)...).Output()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	for b.Loop() {
		if _, err := parseDiff(bufio.NewReader(bytes.NewReader(out))); err != nil {
			b.Fatal(err)
		}
	}
}
