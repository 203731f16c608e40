package sandbox

import (
	"context"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// numstat is one file of `git diff --numstat`: additions, deletions and path ("old => new" for a
// rename, as git prints it with -M).
type numstat struct {
	Add, Del int
	Path     string
}

// gitNumstat is `git diff --numstat -M` over args in the bare repository dir.
func gitNumstat(t *testing.T, dir string, args ...string) []numstat {
	t.Helper()
	var out []numstat
	for _, line := range strings.Split(runGit(t, dir, append([]string{"diff", "--numstat", "-M"}, args...)...), "\n") {
		f := strings.SplitN(line, "\t", 3)
		if len(f) == 3 {
			add, _ := strconv.Atoi(f[0])
			del, _ := strconv.Atoi(f[1])
			out = append(out, numstat{add, del, f[2]})
		}
	}
	return out
}

// apiNumstat is the same view of GitHub's file list.
func apiNumstat(files []*github.CommitFile) []numstat {
	var out []numstat
	for _, f := range files {
		path := f.GetFilename()
		if f.GetPreviousFilename() != "" {
			path = f.GetPreviousFilename() + " => " + path
		}
		out = append(out, numstat{f.GetAdditions(), f.GetDeletions(), path})
	}
	return out
}

// compareHistory pushes main with three files, a branch that modifies, adds, deletes and renames,
// and a commit on main after the branch point.
func compareHistory(t *testing.T, dir string) {
	t.Helper()
	pushBranch(t, dir, "main", map[string]string{"app.go": "package app\n\nfunc A() {}\n", "old.txt": "one\ntwo\nthree\nfour\nfive\n", "gone.txt": "bye\n"})
	pushBranch(t, dir, "hotfix/x", map[string]string{"app.go": "package app\n\nfunc A() { fix() }\n\nfunc fix() {}\n", "gone.txt": "", "new.txt": "new\n"})
	runGitIn(t, dir, "hotfix/x", "mv", "old.txt", "renamed.txt")
	pushBranch(t, dir, "main", map[string]string{"README.md": "# shop\n\nmore\n"})
}

// runGitIn commits the effect of one git command in a scratch clone of branch and pushes it.
func runGitIn(t *testing.T, dir, branch string, args ...string) {
	t.Helper()
	work := t.TempDir()
	runGit(t, work, "clone", "--quiet", "--branch", branch, dir, ".")
	runGit(t, work, args...)
	runGit(t, work, "commit", "--quiet", "--all", "-m", strings.Join(args, " "))
	runGit(t, work, "push", "--quiet", "origin", "HEAD:refs/heads/"+branch)
}

func TestCompareMatchesGit(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	compareHistory(t, dir)
	cmp0, _, err := c.Repositories.CompareCommits(context.Background(), "acme", "shop", "main", "hotfix/x", nil)
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	if diff := cmp.Diff(apiNumstat(cmp0.Files), gitNumstat(t, dir, "main...hotfix/x")); diff != "" {
		t.Errorf("compare files against git diff --numstat (-got +want):\n%s", diff)
	}
	statuses := map[string]string{}
	for _, f := range cmp0.Files {
		statuses[f.GetFilename()] = f.GetStatus()
	}
	wantStatuses := map[string]string{"app.go": "modified", "gone.txt": "removed", "new.txt": "added", "renamed.txt": "renamed"}
	if diff := cmp.Diff(statuses, wantStatuses); diff != "" {
		t.Errorf("file statuses (-got +want):\n%s", diff)
	}
	var shas []string
	for _, rc := range cmp0.Commits {
		shas = append(shas, rc.GetSHA())
	}
	got := []any{cmp0.GetStatus(), cmp0.GetAheadBy(), cmp0.GetBehindBy(), cmp0.GetTotalCommits(), cmp0.GetMergeBaseCommit().GetSHA(), strings.Join(shas, " ")}
	want := []any{"diverged", 2, 1, 2, runGit(t, dir, "merge-base", "main", "hotfix/x"), strings.ReplaceAll(runGit(t, dir, "rev-list", "--reverse", "main..hotfix/x"), "\n", " ")}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("status, ahead, behind, total, merge base, commits (-got +want):\n%s", diff)
	}
}

func TestCompareStatus(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "ahead", map[string]string{"a.txt": "a\n"})
	pushBranchFrom(t, dir, "root", "", map[string]string{"x.txt": "x\n"})
	tests := []struct {
		basehead string
		want     []any
		failure  apiFailure
	}{
		{basehead: "main...main", want: []any{"identical", 0, 0}},
		{basehead: "main...ahead", want: []any{"ahead", 1, 0}},
		{basehead: "ahead...main", want: []any{"behind", 0, 1}},
		{basehead: "acme:main...acme:ahead", want: []any{"ahead", 1, 0}},
		{basehead: "main...nope", want: []any{"", 0, 0}, failure: apiFailure{Status: 404, Message: "Not Found"}},
		{basehead: "main...root", want: []any{"", 0, 0}, failure: apiFailure{Status: 404, Message: fmt.Sprintf("No common ancestor between %s and %s.", runGit(t, dir, "rev-parse", "main"), runGit(t, dir, "rev-parse", "root"))}},
	}
	for _, tt := range tests {
		t.Run(tt.basehead, func(t *testing.T) {
			t.Parallel()
			base, head, _ := strings.Cut(tt.basehead, "...")
			got, _, err := c.Repositories.CompareCommits(context.Background(), "acme", "shop", base, head, nil)
			if diff := cmp.Diff(failure(err), tt.failure); diff != "" {
				t.Fatalf("compare %s: failure (-got +want):\n%s", tt.basehead, diff)
			}
			if diff := cmp.Diff([]any{got.GetStatus(), got.GetAheadBy(), got.GetBehindBy()}, tt.want); diff != "" {
				t.Errorf("compare %s (-got +want):\n%s", tt.basehead, diff)
			}
		})
	}
}

func TestCompareCapsFilesAt300(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	files := map[string]string{}
	for i := range 301 {
		files[fmt.Sprintf("f/%03d.txt", i)] = "x\n"
	}
	pushBranch(t, dir, "big", files)
	got, _, err := c.Repositories.CompareCommits(context.Background(), "acme", "shop", "main", "big", nil)
	if err != nil {
		t.Fatalf("compare: %v", err)
	}
	if len(got.Files) != 300 || got.Files[0].GetFilename() != "f/000.txt" {
		t.Errorf("compare lists %d files from %q; want 300 from f/000.txt", len(got.Files), got.Files[0].GetFilename())
	}
}

// TestComparePages pins how GitHub pages compare: with per_page and page, commits oldest first
// with a Link header and the files on the first page only; without them, the newest 250
// commits, so the last one listed is the head.
func TestComparePages(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	shas := manyCommits(t, dir, "long", 260)
	ctx := context.Background()
	page2, resp, err := c.Repositories.CompareCommits(ctx, "acme", "shop", "main", "long", &github.ListOptions{PerPage: 100, Page: 2})
	if err != nil {
		t.Fatalf("compare page 2: %v", err)
	}
	got := []any{commitSHAs(page2.Commits), len(page2.Files), page2.GetTotalCommits(), resp.PrevPage, resp.NextPage, resp.LastPage}
	want := []any{shas[100:200], 0, 260, 1, 3, 3}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("page 2: commits, files, total, prev, next, last (-got +want):\n%s", diff)
	}
	page1, _, err := c.Repositories.CompareCommits(ctx, "acme", "shop", "main", "long", &github.ListOptions{PerPage: 100})
	if err != nil || len(page1.Files) != 260 || len(page1.Commits) != 100 {
		t.Errorf("page 1: %v, %d files, %d commits; want the 260 files and 100 commits", err, len(page1.Files), len(page1.Commits))
	}
	all, resp, err := c.Repositories.CompareCommits(ctx, "acme", "shop", "main", "long", nil)
	if err != nil {
		t.Fatalf("compare unpaged: %v", err)
	}
	got = []any{commitSHAs(all.Commits), len(all.Files), resp.Header.Get("Link")}
	want = []any{shas[10:], 260, ""}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("unpaged: commits, files, Link (-got +want):\n%s", diff)
	}
}

// manyCommits makes branch from main with n commits, each adding one file, in one git
// fast-import, and returns their SHAs oldest first.
func manyCommits(t *testing.T, dir, branch string, n int) []string {
	t.Helper()
	var in strings.Builder
	fmt.Fprintf(&in, "reset refs/heads/%s\nfrom refs/heads/main^0\n", branch)
	for i := range n {
		fmt.Fprintf(&in, "commit refs/heads/%s\nmark :%d\ncommitter Dev <dev@example.com> %d +0000\ndata 9\ncommit %02d\nM 100644 inline f/%03d.txt\ndata 2\n%d\n\n", branch, i+1, 1700000000+i, i%100, i, i%10)
	}
	cmd := exec.Command("git", "-C", dir, "fast-import", "--quiet")
	cmd.Stdin = strings.NewReader(in.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make %d commits: %v: %s", n, err, out)
	}
	return strings.Split(runGit(t, dir, "rev-list", "--reverse", "main.."+branch), "\n")
}
