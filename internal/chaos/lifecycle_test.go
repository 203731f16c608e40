//go:build e2e

package chaos

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// life is one incident, from its declaration to its resolution, played on a world. The fields
// below run are what the story has made so far.
type life struct {
	w        *world
	run      hotfix
	runID    int // the last workflow run's id
	attempts int // attempts of every job, re-runs included

	incident   int
	branch     string // the hotfix branch declare cut
	pr         *github.PullRequest
	head       string // the hotfix's head commit
	merge      string // the merge commit
	postmortem int
	backport   int   // the backport PR
	items      []int // the action items, the closed one first
}

// Repository content the story starts from.
const (
	svcBefore = "one\ntwo\nthree\n"
	svcFixed  = "one\nTWO fixed\nthree\n"
	// verifyPolicy is the override policy hotfix verify runs: one step that passes.
	verifyPolicy = "verify:\n  steps:\n    - name: test\n      run: \"true\"\n"
)

// play runs the whole lifecycle on w. Every `hotfix` job talks to the faulty door and is re-run
// until it is green; what a person does in GitHub's UI goes through the fault-free one.
func play(t testing.TB, w *world, run hotfix) *life {
	t.Helper()
	l := &life{w: w, run: run}
	l.seed()
	l.declare(t)
	l.fix(t)
	l.guard(t)
	l.verify(t)
	l.mergePR(t)
	l.onMerge(t)
	l.actionItems(t)
	for _, cmd := range []string{"/status identified eta 30m the pool is too small", "/mitigated hotfix pool raised", "/resolve error rate normal"} {
		l.command(t, cmd)
	}
	return l
}

// seed makes main at v1.2.3 (an annotated tag) and develop, as a git-flow repository has them.
func (l *life) seed() {
	l.w.Push("main", map[string]string{"svc.txt": svcBefore})
	l.w.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	l.w.Push("develop", map[string]string{"feature.txt": "new\n"}, "main")
}

// job is the next workflow run, for the event name with the payload at path.
func (l *life) job(name, event, path string) job {
	l.runID++
	return job{name: name, vars: jobVars(l.w.faulty, 1000+l.runID, event, path)}
}

// green runs j until it is green, counting the attempts.
func (l *life) green(t testing.TB, j job, args ...string) attempt {
	t.Helper()
	start := time.Now()
	a, n := j.untilGreen(t, l.run, args...)
	l.attempts += n
	t.Logf("%s: green after %d attempts, %v", j.name, n, time.Since(start).Round(time.Millisecond))
	return a
}

// declare dispatches the incident workflow: a P1 with its hotfix branch.
func (l *life) declare(t testing.TB) {
	t.Helper()
	path := payload(t, "workflow_dispatch.declare", map[string]any{"sender": map[string]string{"login": person},
		"inputs": map[string]any{"title": "Login times out", "severity": "P1", "service": "auth",
			"impact": "Users cannot sign in", "create_branch": true}})
	a := l.green(t, l.job("declare", "workflow_dispatch", path), "run")
	l.incident, l.branch = a.number(t, "incident"), a.outputs["branch"]
	if l.branch == "" {
		t.Fatalf("declare cut no branch:\n%s", a)
	}
}

// fix pushes the fix to the hotfix branch and opens its PR, naming the incident.
func (l *life) fix(t testing.TB) {
	t.Helper()
	l.head = l.w.Push(l.branch, map[string]string{"svc.txt": svcFixed})
	body := fmt.Sprintf("Raise the pool size.\n\nIncident: #%d", l.incident)
	pr, _, err := l.w.As(person).PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: github.String("Fix login timeout"), Head: &l.branch, Base: github.String("main"), Body: &body})
	if err != nil {
		t.Fatalf("open the hotfix PR: %v", err)
	}
	l.pr = pr
}

// guard runs the guard on the PR's opened event.
func (l *life) guard(t testing.TB) {
	t.Helper()
	pr := l.getPR(t)
	path := payload(t, "pull_request.opened.hotfix", map[string]any{"pull_request": pr, "number": pr.GetNumber()})
	l.green(t, l.job("guard", "pull_request", path), "run")
}

// verify runs hotfix verify on a checkout of the hotfix, which writes the hotfix/verify status.
func (l *life) verify(t testing.TB) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "checkout")
	gitIn(t, "", "clone", "-q", "--branch", l.branch, l.w.Dir, dir)
	policy := filepath.Join(t.TempDir(), "hotfix.yml")
	if err := os.WriteFile(policy, []byte(verifyPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	pr := l.getPR(t)
	path := payload(t, "pull_request.opened.hotfix", map[string]any{"pull_request": pr, "number": pr.GetNumber()})
	l.green(t, l.job("verify", "pull_request", path), "verify", "--repo", dir, "--config", policy,
		"--base", "main", "--head", l.branch, "--sha", l.head)
}

// mergePR merges the PR in GitHub's UI and deletes its branch, as GitHub does.
func (l *life) mergePR(t testing.TB) {
	t.Helper()
	ctx, c := context.Background(), l.w.As(person)
	l.getPR(t) // GitHub computes mergeability when the PR is read
	res, _, err := c.PullRequests.Merge(ctx, sandboxtest.Owner, sandboxtest.Name, l.pr.GetNumber(), "", &github.PullRequestOptions{MergeMethod: "merge"})
	if err != nil {
		t.Fatalf("merge the hotfix PR: %v", err)
	}
	l.merge = res.GetSHA()
	if _, err := c.Git.DeleteRef(ctx, sandboxtest.Owner, sandboxtest.Name, "heads/"+l.branch); err != nil {
		t.Fatalf("delete %s: %v", l.branch, err)
	}
}

// onMerge runs the merge workflow: release, backport, postmortem, incident links.
func (l *life) onMerge(t testing.TB) {
	t.Helper()
	a := l.green(t, l.job("merge", "pull_request", mergedPayload(t, l.getPR(t))), "run")
	l.postmortem, l.backport = a.number(t, "postmortem_issue"), a.number(t, "backport_prs")
}

// getPR reads the hotfix PR as it is now.
func (l *life) getPR(t testing.TB) *github.PullRequest {
	t.Helper()
	pr, _, err := l.w.Client.PullRequests.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, l.pr.GetNumber())
	if err != nil {
		t.Fatalf("read the hotfix PR: %v", err)
	}
	l.pr = pr
	return pr
}

// gitIn runs git in dir.
func gitIn(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, gittest.Env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// mergedHotfix pushes branch with file changed from main, opens its PR labelled severity/P1,
// merges it in GitHub's UI, deletes the branch, and returns the merged PR.
func (l *life) mergedHotfix(t testing.TB, branch, file string) *github.PullRequest {
	t.Helper()
	ctx, c := context.Background(), l.w.As(person)
	l.head, l.branch = l.w.Push(branch, map[string]string{file: "fixed by " + branch + "\n"}, "main"), branch
	pr, _, err := c.PullRequests.Create(ctx, sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: github.String("Fix login timeout"), Head: &branch, Base: github.String("main")})
	if err != nil {
		t.Fatalf("open the PR for %s: %v", branch, err)
	}
	if _, _, err := c.Issues.AddLabelsToIssue(ctx, sandboxtest.Owner, sandboxtest.Name, pr.GetNumber(), []string{"severity/P1"}); err != nil {
		t.Fatalf("label #%d: %v", pr.GetNumber(), err)
	}
	l.pr = pr
	l.mergePR(t)
	return l.getPR(t)
}

// mergedPayload is the closed event of a merged PR.
func mergedPayload(t testing.TB, pr *github.PullRequest) string {
	return payload(t, "pull_request.closed.merged-hotfix", map[string]any{"pull_request": pr, "number": pr.GetNumber()})
}
