//go:build e2e

package workflowtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// copySource copies the files of this checkout that git tracks or would track (not .git, not
// what .gitignore names) into a temp dir: what act reads as incident-hotfix/incident-hotfix@v0.
func copySource(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	for _, name := range strings.Split(git(t, root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"), "\x00") {
		raw, err := os.ReadFile(filepath.Join(root, name))
		if name == "" || os.IsNotExist(err) { // the list ends with NUL; a tracked file may be deleted
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, name), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// actEnv is act's environment: this process's, without a runner's GITHUB_*, RUNNER_*, INPUT_* and
// ACTIONS_* variables (so a CI run does not leak into the jobs) and with a fresh HOME (so no
// ~/.actrc applies), but with Go's caches and settings as they are, so the jobs' go build is warm.
func actEnv(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "-json", "GOCACHE", "GOMODCACHE", "GOPATH", "GOENV").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	var goEnv map[string]string
	if err := json.Unmarshal(out, &goEnv); err != nil {
		t.Fatal(err)
	}
	env := []string{"HOME=" + t.TempDir()}
	for k, v := range goEnv {
		env = append(env, k+"="+v)
	}
	for _, kv := range acttest.Environ(os.Environ()) {
		k, _, _ := strings.Cut(kv, "=")
		if _, set := goEnv[k]; !set {
			env = append(env, kv)
		}
	}
	return env
}

// newShop clones the sandbox's repository and sets it up as a user would: a small Go module, whose
// vet, build and test init detects as the verify steps, `hotfix init`, the commit on main, tag
// v1.2.3 and develop. It returns the clone, on main.
func newShop(t *testing.T, s *sandboxtest.Sandbox) string {
	t.Helper()
	dir := t.TempDir()
	git(t, dir, "clone", "-q", s.Dir, ".")
	git(t, dir, "checkout", "-q", "-B", "main", "origin/main")
	write(t, dir, map[string]string{"go.mod": "module shop\n\ngo 1.26\n", "shop.go": "// Package shop serves the shop.\npackage shop\n", "svc.txt": "one\ntwo\nthree\n"})
	var stdout, stderr bytes.Buffer
	env := &cli.Env{Getenv: cli.MapEnv(nil), Stdout: &stdout, Stderr: &stderr, Dir: dir, Now: time.Now}
	if code := cli.Main(context.Background(), []string{"init"}, env); code != cli.ExitOK {
		t.Fatalf("hotfix init: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "hotfix init")
	git(t, dir, "tag", "-a", "-m", "v1.2.3", "v1.2.3")
	git(t, dir, "push", "-q", "origin", "HEAD:refs/heads/main", "HEAD:refs/heads/develop", "refs/tags/v1.2.3")
	return dir
}

// pushHotfix commits a one-line fix on branch, cut from main, pushes it and returns its SHA.
func pushHotfix(t *testing.T, dir, branch string) string {
	t.Helper()
	git(t, dir, "checkout", "-q", "-b", branch, "main")
	write(t, dir, map[string]string{"svc.txt": "one\nTWO, fixed\nthree\n"})
	git(t, dir, "commit", "-q", "-a", "-m", "Fix login timeout")
	git(t, dir, "push", "-q", "origin", "HEAD:refs/heads/"+branch)
	return git(t, dir, "rev-parse", "HEAD")
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// git runs git in dir with the fixed identities of gittest and returns its trimmed output.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, gittest.Env
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, exit.Stderr)
	}
	if err != nil {
		t.Fatalf("git %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}
