//go:build e2e

package containertest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// engineWait bounds how long a started dockerd has to answer.
const engineWait = 60 * time.Second

// engine is the Docker engine the tests use; stop ends the dockerd they started, if any.
type engine struct {
	stop func()
}

// startEngine makes sure a Docker engine answers: it installs docker.io when dockerd is missing
// and starts dockerd with the vfs storage driver when none runs. Any step that fails is an error
// that says which, with the output that shows why.
func startEngine(logf func(string, ...any)) (engine, error) {
	if err := installEngine(logf); err != nil {
		return engine{}, err
	}
	if dockerInfo() == nil {
		return engine{stop: func() {}}, nil
	}
	return launchDockerd("dockerd", logf)
}

// installEngine installs Debian's docker.io (the engine and its client) when dockerd or docker is
// not on PATH, after apt-get update.
func installEngine(logf func(string, ...any)) error {
	_, errD := exec.LookPath("dockerd")
	_, errC := exec.LookPath("docker")
	if errD == nil && errC == nil {
		return nil
	}
	start := time.Now()
	for _, args := range [][]string{{"update", "-q"}, {"install", "-y", "-q", "--no-install-recommends", "docker.io"}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("install the Docker engine: apt-get %s: %w\n%s", strings.Join(args, " "), err, tail(out, 20))
		}
	}
	logf("installed docker.io with apt-get in %s", time.Since(start).Round(time.Second))
	return nil
}

// dockerInfo asks the engine for its info; an error means no engine answers.
func dockerInfo() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "docker", "info", "--format", "{{.ServerVersion}}").CombinedOutput()
	if err != nil {
		return fmt.Errorf("%w: %s", err, bytes.TrimSpace(out))
	}
	return nil
}

// launchDockerd starts the engine bin (dockerd) with the vfs storage driver (it needs no kernel
// overlay support) and waits until it answers. The engine stops with the tests.
func launchDockerd(bin string, logf func(string, ...any)) (engine, error) {
	logFile, err := os.CreateTemp("", "incident-hotfix-dockerd-*.log")
	if err != nil {
		return engine{}, err
	}
	logPath := logFile.Name()
	cmd := exec.Command(bin, "--storage-driver", "vfs")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return engine{}, fmt.Errorf("start dockerd: %w", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); logFile.Close() }()
	stop := func() { _ = cmd.Process.Signal(os.Interrupt); <-exited }
	start, last := time.Now(), error(nil)
	for time.Since(start) < engineWait {
		select {
		case err := <-exited:
			raw, _ := os.ReadFile(logPath)
			return engine{}, fmt.Errorf("%s --storage-driver vfs exited (%v); its log %s ends:\n%s", bin, err, logPath, tail(raw, 20))
		case <-time.After(500 * time.Millisecond):
		}
		if last = dockerInfo(); last == nil {
			logf("started dockerd --storage-driver vfs in %s", time.Since(start).Round(100*time.Millisecond))
			return engine{stop: stop}, nil
		}
	}
	stop()
	raw, _ := os.ReadFile(logPath)
	return engine{}, fmt.Errorf("%s did not answer within %s (%v); its log %s ends:\n%s", bin, engineWait, last, logPath, tail(raw, 20))
}

// tail is the last n lines of out.
func tail(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
