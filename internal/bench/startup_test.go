package bench

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// build builds cmd/hotfix into dir with extra go build flags and returns the binary's path. It
// builds without cgo, as the container image does (Dockerfile): a static binary, which starts
// without the dynamic loader and libc that net links with cgo.
func build(dir string, flags ...string) (string, error) {
	return buildWith(dir, "CGO_ENABLED=0", flags...)
}

// buildGuard builds cmd/hotfix-guard into dir, static as build's.
func buildGuard(dir string) (string, error) {
	return buildCommand(dir, "hotfix-guard", "CGO_ENABLED=0", "-trimpath")
}

// buildWith builds cmd/hotfix into dir with an extra variable in go build's environment, such as
// CGO_ENABLED=1 for the default build of a machine with a C compiler.
func buildWith(dir, env string, flags ...string) (string, error) {
	return buildCommand(dir, "hotfix", env, flags...)
}

// buildCommand builds cmd/NAME into dir/NAME with env added to go build's environment.
func buildCommand(dir, name, env string, flags ...string) (string, error) {
	src, err := filepath.Abs(filepath.Join("..", "..", "cmd", name))
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", append(append([]string{"build"}, flags...), "-o", out, ".")...)
	cmd.Dir = src
	cmd.Env = append(os.Environ(), env)
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/%s: %v\n%s", name, err, b)
	}
	return out, nil
}

// BenchmarkStartup runs the built binary's cheapest commands and two baselines, in turn in one
// loop: /bin/true (a process that does nothing) and git --version (a small C program). It
// reports each one's time per run and the binary's as a multiple of each baseline. The binary is
// static (build); the same tree built with cgo (hotfix-version-cgo, dynamically linked) shows
// what a default `go build` costs. The smallest Go program that prints a line (go-hello) shows
// the floor of any Go binary's start, and hotfix-guard --version the start of the guard on a
// checkout alone (cmd/hotfix-guard), which links no HTTP client. With HOTFIX_STARTUP_BASELINE set to another hotfix binary,
// or HOTFIX_BASELINE_REV to a revision to build (static) from git archive, its `version` joins
// the loop as baseline-version. Each is reported as its mean and its median time a run.
func BenchmarkStartup(b *testing.B) {
	bin, err := build(b.TempDir(), "-trimpath")
	if err != nil {
		b.Fatal(err)
	}
	dynamic, err := buildWith(b.TempDir(), "CGO_ENABLED=1", "-trimpath")
	if err != nil {
		b.Fatal(err)
	}
	hello, err := buildHello(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	guard, err := buildGuard(b.TempDir())
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
		{"go-hello", []string{hello}},
		{"hotfix-version-cgo", []string{dynamic, "version"}},
		{"hotfix-guard-version", []string{guard, "--version"}},
	}
	other := os.Getenv("HOTFIX_STARTUP_BASELINE") // another build, such as a commit before a change
	if other == "" {
		other = baselineBinary(b)
	}
	if other != "" {
		runs = append(runs, struct {
			name string
			argv []string
		}{"baseline-version", []string{other, "version"}})
	}
	took := make([]time.Duration, len(runs))
	each := make([][]time.Duration, len(runs))
	for n := 0; b.Loop(); n++ {
		for k := range runs {
			i := (k + n) % len(runs) // each takes each position in turn
			start := time.Now()
			if out, err := exec.Command(runs[i].argv[0], runs[i].argv[1:]...).CombinedOutput(); err != nil {
				b.Fatalf("%v: %v\n%s", runs[i].argv, err, out)
			}
			each[i] = append(each[i], time.Since(start))
			took[i] += each[i][len(each[i])-1]
		}
	}
	for i, r := range runs {
		b.ReportMetric(float64(took[i].Microseconds())/1000/float64(b.N), r.name+"-ms/run")
		b.ReportMetric(ms(median(each[i])), r.name+"-ms-median")
	}
	for i := 2; i < len(runs); i++ {
		b.ReportMetric(float64(took[i])/float64(took[0]), runs[i].name+"-x-true")
		b.ReportMetric(float64(took[i])/float64(took[1]), runs[i].name+"-x-git")
	}
	b.ReportMetric(float64(took[2])/float64(took[5]), "hotfix-version-x-cgo")
	b.ReportMetric(float64(took[6])/float64(took[4]), "hotfix-guard-version-x-go-hello")
	if len(runs) > 7 {
		b.ReportMetric(float64(took[2])/float64(took[7]), "hotfix-version-x-baseline")
	}
}

// median is the middle of ds, which it sorts.
func median(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// buildHello builds the smallest Go program that prints a line, the floor of a Go binary's start.
func buildHello(dir string) (string, error) {
	src := "package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"hello\\n\") }\n"
	for name, body := range map[string]string{"go.mod": "module hello\n\ngo 1.26\n", "main.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			return "", err
		}
	}
	cmd := exec.Command("go", "build", "-trimpath", "-o", "hello", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build hello: %v\n%s", err, out)
	}
	return filepath.Join(dir, "hello"), nil
}
