//go:build e2e

package containertest

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/acttest"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

const (
	owner, name   = sandboxtest.Owner, sandboxtest.Name
	hotfixBranch  = "hotfix/login-timeout"
	incidentTitle = "Login times out" // the title input of workflow_dispatch.declare.json
)

// story is the state the stages share: the sandbox, act's harness, the user's repository, and
// what each stage made for the next.
type story struct {
	s    *sandboxtest.Sandbox
	h    harness
	repo *github.Repository
	ada  *github.Client // a maintainer with write access, who opens and merges the PR and comments

	head     string // the hotfix branch's head commit
	pr       *github.PullRequest
	incident int
}

// newStory installs act, starts the sandbox and sets up the user's repository: main with the
// workflows and tag v1.2.3, and develop.
func newStory(t *testing.T) *story {
	t.Helper()
	bin, err := acttest.Install(t.Logf)
	must(t, err)
	s := sandboxtest.Start(t, sandboxtest.Options{Users: []string{"ada"}})
	s.Server.SetCollaborator("ada", "write")
	shop := t.TempDir()
	git(t, shop, "clone", "-q", s.Dir, ".")
	git(t, shop, "checkout", "-q", "-B", "main", "origin/main")
	copyFiles(t, filepath.Join("testdata", "workflows"), filepath.Join(shop, ".github", "workflows"), "hotfix.yml", "incident.yml")
	must(t, os.WriteFile(filepath.Join(shop, "svc.txt"), []byte("one\ntwo\nthree\n"), 0o644))
	git(t, shop, "add", "-A")
	git(t, shop, "commit", "-q", "-m", "The service, and the hotfix and incident workflows")
	git(t, shop, "tag", "-a", "-m", "v1.2.3", "v1.2.3")
	git(t, shop, "push", "-q", "origin", "HEAD:refs/heads/main", "HEAD:refs/heads/develop", "refs/tags/v1.2.3")
	repo, _, err := s.Client.Repositories.Get(context.Background(), owner, name)
	must(t, err)
	return &story{s: s, repo: repo, ada: s.As("ada"), h: harness{bin: bin, repo: shop, src: actionSource(t),
		cache: t.TempDir(), apiURL: s.URL, token: sandboxtest.Token}}
}

// actionSource copies what act reads of incident-hotfix/incident-hotfix@v0: the root action and
// its Dockerfile, and the actions/*/action.yml files.
func actionSource(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	copyFiles(t, root, dst, "action.yml", "Dockerfile")
	dirs, err := filepath.Glob(filepath.Join(root, "actions", "*"))
	must(t, err)
	for _, d := range dirs {
		copyFiles(t, d, filepath.Join(dst, "actions", filepath.Base(d)), "action.yml")
	}
	return dst
}

// copyFiles copies the named files from src to dst.
func copyFiles(t *testing.T, src, dst string, names ...string) {
	t.Helper()
	must(t, os.MkdirAll(dst, 0o755))
	for _, n := range names {
		raw, err := os.ReadFile(filepath.Join(src, n))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(dst, n), raw, 0o644))
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
	must(t, err)
	return strings.TrimSpace(string(out))
}

// listIssues lists the issues, open or closed, with label.
func listIssues(t *testing.T, st *story, label string) []*github.Issue {
	t.Helper()
	issues, _, err := st.s.Client.Issues.ListByRepo(context.Background(), owner, name, &github.IssueListByRepoOptions{State: "all", Labels: []string{label}})
	must(t, err)
	return issues
}

func hasLabel(issue *github.Issue, label string) bool {
	for _, l := range issue.Labels {
		if l.GetName() == label {
			return true
		}
	}
	return false
}
