package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSignalStopsTheCommandCleanly starts the sandbox (a command that serves until its context
// ends), sends SIGINT or SIGTERM once it listens, and expects the graceful shutdown's exit 0: the
// signal cancels the command's context instead of killing the process.
func TestSignalStopsTheCommandCleanly(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "hotfix")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for name, sig := range map[string]syscall.Signal{"SIGINT": syscall.SIGINT, "SIGTERM": syscall.SIGTERM} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			cmd := exec.Command(bin, "sandbox", "--name", "acme/shop", "--repo", filepath.Join(t.TempDir(), "shop.git"), "--addr", "127.0.0.1:0", "--token", "test-token")
			cmd.Stderr = os.Stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil || !strings.HasPrefix(line, "API URL: ") {
				_ = cmd.Process.Kill()
				t.Fatalf("the sandbox printed %q, %v; want its API URL", line, err)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Wait(); err != nil {
				t.Errorf("after %s: %v; want a clean exit 0", name, err)
			}
		})
	}
}
