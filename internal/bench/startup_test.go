package bench

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// build builds cmd/hotfix into dir with extra go build flags and returns the binary's path.
func build(dir string, flags ...string) (string, error) {
	src, err := filepath.Abs(filepath.Join("..", "..", "cmd", "hotfix"))
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, "hotfix")
	cmd := exec.Command("go", append(append([]string{"build"}, flags...), "-o", out, ".")...)
	cmd.Dir = src
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/hotfix: %v\n%s", err, b)
	}
	return out, nil
}

// BenchmarkStartup runs the built binary's cheapest commands and two baselines, in turn in one
// loop: /bin/true (a process that does nothing) and git --version (a small C program). It
// reports each one's time per run and the binary's as a multiple of each baseline.
func BenchmarkStartup(b *testing.B) {
	bin, err := build(b.TempDir(), "-trimpath")
	if err != nil {
		b.Fatal(err)
	}
	runs := []struct {
		name string
		argv []string
	}{
		{"true", []string{"/bin/true"}},
		{"git-version", []string{"git", "--version"}},
		{"hotfix-version", []string{bin, "version"}},
		{"hotfix-help", []string{bin, "help"}},
	}
	took := make([]time.Duration, len(runs))
	for n := 0; b.Loop(); n++ {
		for k := range runs {
			i := (k + n) % len(runs) // each takes each position in turn
			start := time.Now()
			if out, err := exec.Command(runs[i].argv[0], runs[i].argv[1:]...).CombinedOutput(); err != nil {
				b.Fatalf("%v: %v\n%s", runs[i].argv, err, out)
			}
			took[i] += time.Since(start)
		}
	}
	for i, r := range runs {
		b.ReportMetric(float64(took[i].Microseconds())/1000/float64(b.N), r.name+"-ms/run")
	}
	for _, i := range []int{2, 3} {
		b.ReportMetric(float64(took[i])/float64(took[0]), runs[i].name+"-x-true")
		b.ReportMetric(float64(took[i])/float64(took[1]), runs[i].name+"-x-git")
	}
}
