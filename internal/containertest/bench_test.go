//go:build e2e

package containertest

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// helloStandIn is the baseline image for `docker run`: a static program that prints one line
// and exits, on an empty base, so it measures the engine's cost of starting a container.
const helloStandIn = "incident-hotfix-standin/hello:1"

// makeHelloStandIn builds the baseline image from a Go program written here.
func makeHelloStandIn(b *testing.B) {
	b.Helper()
	dir := b.TempDir()
	src := "package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"hello\\n\") }\n"
	for name, body := range map[string]string{"go.mod": "module hello\n\ngo 1.26\n", "main.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", "hello", ".")
	cmd.Dir, cmd.Env = dir, append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build hello: %v\n%s", err, out)
	}
	if err := importImage(helloStandIn, []string{`ENTRYPOINT ["/hello"]`}, func(l layer) error { return l.copyFile("hello", filepath.Join(dir, "hello")) }); err != nil {
		b.Fatal(err)
	}
}

// firstLine runs docker with args and returns the time until the first line of its output.
// The container then runs to its end.
func firstLine(b *testing.B, args ...string) time.Duration {
	b.Helper()
	cmd := exec.Command("docker", args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() {
		b.Fatalf("docker %v printed nothing", args)
	}
	took := time.Since(start)
	for sc.Scan() {
	}
	if err := cmd.Wait(); err != nil {
		b.Fatalf("docker %v: %v", args, err)
	}
	return took
}

// BenchmarkDockerRun measures the time from `docker run` to the first line of output, for the
// image's `hotfix version` and for the baseline image that prints and exits, in turn in one loop.
// It reports both, the image's as a multiple of the baseline, and the image's size.
func BenchmarkDockerRun(b *testing.B) {
	makeHelloStandIn(b)
	runs := [][]string{{"run", "--rm", helloStandIn}, {"run", "--rm", image, "version"}}
	took := make([]time.Duration, len(runs))
	for n := 0; b.Loop(); n++ {
		for k := range runs {
			i := (k + n) % len(runs) // each takes each position in turn
			took[i] += firstLine(b, runs[i]...)
		}
	}
	b.ReportMetric(float64(took[0].Microseconds())/1000/float64(b.N), "baseline-ms/run")
	b.ReportMetric(float64(took[1].Microseconds())/1000/float64(b.N), "hotfix-ms/run")
	b.ReportMetric(float64(took[1])/float64(took[0]), "hotfix-x-baseline")
	out, err := exec.Command("docker", "image", "inspect", image).Output()
	if err != nil {
		b.Fatal(err)
	}
	var cfgs []imageConfig
	if err := json.Unmarshal(out, &cfgs); err != nil || len(cfgs) != 1 {
		b.Fatalf("docker image inspect %s: %v", image, err)
	}
	b.ReportMetric(float64(cfgs[0].Size), "image-bytes")
}
