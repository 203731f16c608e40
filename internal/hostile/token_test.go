package hostile

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/cli"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// secret is a token no test prints by chance: any sight of it outside its mask is a leak.
const secret = "ghs_H0stileT0kenNeverPrinted7f3c9a2e5d1b"

// leaks lists where the token shows in a run's output: it must appear once, in the ::add-mask::
// command that hides it in the job log, before any other line, and nowhere else.
func leaks(r result, token string) []string {
	var out []string
	mask := "::add-mask::" + token + "\n"
	if !strings.HasPrefix(strings.TrimPrefix(r.stdout, firstLine(r.stdout, mask)), mask) {
		out = append(out, "the token is not masked before the output that follows")
	}
	for name, text := range map[string]string{"stdout": strings.ReplaceAll(r.stdout, mask, ""), "stderr": r.stderr, "outputs": r.outputs, "summary": r.summary} {
		if strings.Contains(text, token) {
			out = append(out, "the token is in "+name)
		}
	}
	return out
}

// firstLine is what comes before the mask: lines such as "event: push on acme/shop" that a
// command prints before it reads the token.
func firstLine(stdout, mask string) string {
	i := strings.Index(stdout, mask)
	if i < 0 {
		return ""
	}
	return stdout[:i]
}

// wireLeaks lists the exchanges where the token shows anywhere but the Authorization header:
// URLs, request and response bodies (error bodies too) and response headers.
func wireLeaks(xs []exchange, token string) []string {
	var out []string
	for _, x := range xs {
		reqHeader := x.ReqHeader.Clone()
		reqHeader.Del("Authorization")
		for what, text := range map[string]string{"url": x.URL, "request body": x.ReqBody, "response body": x.RespBody,
			"request headers": headerText(reqHeader), "response headers": headerText(x.RespHeader)} {
			if strings.Contains(text, token) {
				out = append(out, x.Method+" "+x.URL+": the token is in the "+what)
			}
		}
	}
	return out
}

func headerText(h map[string][]string) string {
	var b strings.Builder
	for k, vs := range h {
		b.WriteString(k + ": " + strings.Join(vs, ",") + "\n")
	}
	return b.String()
}

// TestTokenNeverShows runs every command that takes a token, end to end, and searches all of
// its output and every request and response for the token.
func TestTokenNeverShows(t *testing.T) {
	t.Parallel()
	w := newWorld(t, secret)
	policy := "guard:\n  max_lines: 20\nverify:\n  steps:\n    - {name: env, run: 'echo \"token=${GITHUB_TOKEN:-} ${INPUT_TOKEN:-}\"'}\n"
	w.s.Push("main", map[string]string{".github/hotfix.yml": policy, "svc.txt": gittest.Lines("svc", 30)})
	w.s.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3", "main")
	w.s.Push("develop", nil, "main")
	var results []result
	check := func(code int, vars map[string]string, args ...string) result {
		t.Helper()
		r := w.mustRun(code, vars, args...)
		results = append(results, r)
		return r
	}
	check(cli.ExitOK, w.vars("workflow_dispatch", writeJSON(t, map[string]any{"ref": "refs/heads/main", "repository": repoJSON,
		"inputs": map[string]any{"title": "Checkout fails", "severity": "P1", "service": "checkout", "impact": "EU", "commander": "alice"}}), nil), "run")
	check(cli.ExitOK, w.vars("issue_comment", w.comment("alice", 1, "/status identified db"), nil), "run")
	head := w.s.Push("hotfix/db", map[string]string{"svc.txt": gittest.Lines("svc", 29) + "fixed\n"}, "main")
	title, branch, base, body := "Fix the db", "hotfix/db", "main", "Incident: #1"
	pr, _, err := w.s.As("alice").PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: &title, Head: &branch, Base: &base, Body: &body})
	if err != nil {
		t.Fatal(err)
	}
	check(cli.ExitOK, w.vars("pull_request", w.prEvent("opened", pr.GetNumber()), nil), "run")
	checkout := t.TempDir()
	clone := exec.Command("git", "clone", "-q", "--branch", "hotfix/db", w.s.Dir, checkout)
	clone.Env = gittest.Env
	if out, err := clone.CombinedOutput(); err != nil {
		t.Fatalf("clone: %v\n%s", err, out)
	}
	verify := check(cli.ExitOK, w.vars("push", "", nil), "verify", "--repo", checkout, "--base", "origin/main", "--head", "hotfix/db", "--sha", head)
	if !strings.Contains(verify.all(), "token= ") {
		t.Errorf("the verify step did not run, or saw a token:\n%s", verify.all())
	}
	w.merge(pr.GetNumber())
	check(cli.ExitOK, w.vars("pull_request", w.prEvent("closed", pr.GetNumber()), nil), "run")
	check(cli.ExitOK, w.vars("issue_comment", w.comment("alice", 1, "/resolve fixed"), nil), "run")
	check(cli.ExitOK, w.vars("schedule", "", nil), "action-items", "--postmortem", strconv.Itoa(w.postmortem()), "sync")
	check(cli.ExitOK, w.vars("schedule", "", nil), "remind")
	check(cli.ExitOK, w.vars("schedule", "", nil), "report")
	check(cli.ExitOK, w.vars("workflow_dispatch", "", nil), "release", "--base", "main", "--pr-number", strconv.Itoa(pr.GetNumber()), "--pr-title", title,
		"--head-branch", branch, "--merge-sha", w.s.Git("rev-parse", "main"))
	for i, r := range results {
		if l := leaks(r, secret); len(l) > 0 {
			t.Errorf("run %d leaks: %v\n%s", i, l, r.all())
		}
	}
	if l := wireLeaks(w.rec.exchanges(), secret); len(l) > 0 {
		t.Errorf("the token went over the wire outside its header: %v", l)
	}
	if len(w.rec.exchanges()) < 40 {
		t.Errorf("only %d requests were recorded; the commands did not run against the recorder", len(w.rec.exchanges()))
	}
}

// merge merges PR number as a person would on GitHub.
func (w *world) merge(number int) {
	w.t.Helper()
	if _, _, err := w.s.Client.PullRequests.Merge(context.Background(), sandboxtest.Owner, sandboxtest.Name, number, "", &github.PullRequestOptions{MergeMethod: "squash"}); err != nil {
		w.t.Fatal(err)
	}
}

// postmortem is the number of the one postmortem issue in w.
func (w *world) postmortem() int {
	w.t.Helper()
	issues, _, err := w.s.Client.Issues.ListByRepo(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.IssueListByRepoOptions{State: "all", Labels: []string{"postmortem"}})
	if err != nil || len(issues) != 1 {
		w.t.Fatalf("postmortems: %d, %v; want 1", len(issues), err)
	}
	return issues[0].GetNumber()
}
