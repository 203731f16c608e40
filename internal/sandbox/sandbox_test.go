package sandbox

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
)

// testToken is the token newTestSandbox's client sends.
const testToken = "test-token"

// newTestSandbox starts a sandbox for acme/shop over a new bare repository whose main branch holds
// one commit (README.md), and returns it, a go-github client for it, and the repository's path.
func newTestSandbox(t *testing.T) (*Server, *github.Client, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "shop.git")
	srv, err := New(Options{Dir: dir, Owner: "acme", Name: "shop", Token: testToken})
	if err != nil {
		t.Fatalf("new sandbox: %v", err)
	}
	pushBranchFrom(t, dir, "main", "", map[string]string{"README.md": "# shop\n"})
	return srv, testClient(t, srv, testToken), dir
}

// testClient serves srv over HTTP for the test and returns a go-github client that sends token.
func testClient(t *testing.T, srv *Server, token string) *github.Client {
	t.Helper()
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	c := github.NewClient(hs.Client())
	if token != "" {
		c = c.WithAuthToken(token)
	}
	base, err := url.Parse(hs.URL + "/")
	if err != nil {
		t.Fatalf("parse sandbox URL: %v", err)
	}
	c.BaseURL = base
	return c
}

// pushBranch commits files (path → content; "" deletes the path) on top of branch, or of main
// when branch does not exist yet, and pushes the commit to the bare repository at dir as branch.
// It returns the new commit's SHA.
func pushBranch(t *testing.T, dir, branch string, files map[string]string) string {
	t.Helper()
	from := "main"
	if gitOK(dir, "rev-parse", "--verify", "--quiet", "refs/heads/"+branch) {
		from = branch
	}
	return pushBranchFrom(t, dir, branch, from, files)
}

// pushBranchFrom commits files on top of the branch from ("" for a root commit) and pushes the
// commit to dir as branch, forcing it. It returns the new commit's SHA.
func pushBranchFrom(t *testing.T, dir, branch, from string, files map[string]string) string {
	t.Helper()
	work := t.TempDir()
	runGit(t, work, "clone", "--quiet", "--no-checkout", dir, ".")
	if from == "" {
		runGit(t, work, "checkout", "--quiet", "--orphan", "scratch")
	} else {
		runGit(t, work, "checkout", "--quiet", "-B", "scratch", "origin/"+from)
	}
	writeFiles(t, work, files)
	runGit(t, work, "add", "--all")
	runGit(t, work, "commit", "--quiet", "--allow-empty", "-m", "change "+branch)
	runGit(t, work, "push", "--quiet", "--force", "origin", "HEAD:refs/heads/"+branch)
	return runGit(t, work, "rev-parse", "HEAD")
}

// writeFiles writes each path under dir, removing those whose content is "".
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if content == "" {
			if err := os.Remove(path); err != nil {
				t.Fatalf("remove %s: %v", name, err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("create directory for %s: %v", name, err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatalf("write %s: %v", name, err)
		}
	}
}

// gitArgs are the options every test git command gets, so that no user configuration leaks in.
var gitArgs = []string{"-c", "user.name=Sandbox Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}

// runGit runs git in dir (a bare repository or a worktree) and returns its trimmed stdout.
func runGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.CommandContext(context.Background(), "git", append(append([]string{"-C", dir}, gitArgs...), args...)...)
	out, err := cmd.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("git %s: %v: %s", strings.Join(args, " "), err, stderr)
	}
	return strings.TrimSpace(string(out))
}

// gitOK reports whether git with args succeeds in dir.
func gitOK(dir string, args ...string) bool {
	return exec.Command("git", append([]string{"-C", dir}, args...)...).Run() == nil
}

// gitOutput runs git in dir and returns its trimmed stdout, or "" when it fails.
func gitOutput(dir string, args ...string) string {
	out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
