package fromapi

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// shapes are hotfix branches on top of a main branch that holds base: each is a list of commits,
// each commit a set of files (path → content, "" deletes).
var shapes = []struct {
	name    string
	base    map[string]string
	commits []map[string]string
}{
	{"add", nil, []map[string]string{{"src/new.go": gittest.Lines("new", 12)}}},
	{"modify", map[string]string{"src/svc.go": gittest.Lines("svc", 40)},
		[]map[string]string{{"src/svc.go": gittest.Lines("svc", 30) + gittest.Lines("fixed", 5)}}},
	{"delete", map[string]string{"old.txt": gittest.Lines("old", 7)}, []map[string]string{{"old.txt": ""}}},
	{"rename", map[string]string{"a/file.go": gittest.Lines("same", 50)},
		[]map[string]string{{"a/file.go": "", "b/file.go": gittest.Lines("same", 49) + "changed\n"}}},
	{"binary", map[string]string{"logo.png": "\x89PNG\x00\x01\x02"}, []map[string]string{{"logo.png": "\x89PNG\x00\x03\x04\x05"}}},
	{"several commits", map[string]string{"x.go": gittest.Lines("x", 10), "y.go": gittest.Lines("y", 10)},
		[]map[string]string{{"x.go": gittest.Lines("x", 9)}, {"y.go": "", "z.go": "z\n"}, {"x.go": gittest.Lines("x", 12)}}},
}

// pushShape pushes the shape's base to main and its commits to hotfix/x, and returns the head.
func pushShape(s *sandboxtest.Sandbox, base map[string]string, commits []map[string]string) string {
	if base != nil {
		s.Push("main", base)
	}
	var head string
	for _, files := range commits {
		head = s.Push("hotfix/x", files)
	}
	return head
}

// comparable drops what only the git CLI can tell (modes, similarity, whitespace), so that the
// API's sets can be compared with FromGit's.
func comparable(set change.Set) change.Set {
	for i := range set.Files {
		f := &set.Files[i]
		f.OldMode, f.NewMode, f.Similarity, f.WhitespaceOnly = "", "", 0, false
	}
	set.Base, set.Head = "", ""
	return set
}

func TestCompareMatchesGit(t *testing.T) {
	t.Parallel()
	for _, tt := range shapes {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			head := pushShape(s, tt.base, tt.commits)
			ctx := context.Background()
			want, err := change.FromGit(ctx, s.Dir, "main", head)
			if err != nil {
				t.Fatal(err)
			}
			s.Server.ResetRequests()
			got, err := Compare(ctx, s.Client, sandboxtest.Owner, sandboxtest.Name, "main", head)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(comparable(got), comparable(want)); diff != "" {
				t.Errorf("Compare differs from change.FromGit (-api +git):\n%s", diff)
			}
			if n := s.Requests(); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

func TestPullMatchesGit(t *testing.T) {
	t.Parallel()
	for _, tt := range shapes {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := sandboxtest.Start(t, sandboxtest.Options{})
			head := pushShape(s, tt.base, tt.commits)
			n := openPull(t, s)
			ctx := context.Background()
			want, err := change.FromGit(ctx, s.Dir, "main", head)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Pull(ctx, s.Client, sandboxtest.Owner, sandboxtest.Name, n)
			if err != nil {
				t.Fatal(err)
			}
			if got.Base != "main" || got.Head != "hotfix/x" {
				t.Errorf("range %s...%s, want main...hotfix/x", got.Base, got.Head)
			}
			want.BaseSHA = s.Git("rev-parse", "main") // a PR reports its base branch's tip
			if diff := cmp.Diff(comparable(got), comparable(want)); diff != "" {
				t.Errorf("Pull differs from change.FromGit (-api +git):\n%s", diff)
			}
		})
	}
}

// openPull opens a pull request from hotfix/x into main and returns its number.
func openPull(t *testing.T, s *sandboxtest.Sandbox) int {
	t.Helper()
	pr, _, err := s.Client.PullRequests.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name,
		&github.NewPullRequest{Title: github.String("Fix"), Head: github.String("hotfix/x"), Base: github.String("main")})
	if err != nil {
		t.Fatal(err)
	}
	return pr.GetNumber()
}

// manyFiles is n small files.
func manyFiles(n int) map[string]string {
	files := make(map[string]string, n)
	for i := range n {
		files[fmt.Sprintf("f/%04d.txt", i)] = fmt.Sprintf("file %d\n", i)
	}
	return files
}

func TestPullReadsEveryPage(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("hotfix/x", manyFiles(150))
	n := openPull(t, s)
	s.Server.ResetRequests()
	got, err := Pull(context.Background(), s.Client, sandboxtest.Owner, sandboxtest.Name, n)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Files) != 150 || got.Incomplete != "" {
		t.Errorf("%d files, incomplete %q; want 150 and complete", len(got.Files), got.Incomplete)
	}
	wantRoutes := map[string]int{
		"GET /repos/{owner}/{repo}/pulls/{number}":         1,
		"GET /repos/{owner}/{repo}/pulls/{number}/files":   2, // 100 + 50
		"GET /repos/{owner}/{repo}/pulls/{number}/commits": 1,
	}
	if diff := cmp.Diff(s.Server.Requests(), wantRoutes); diff != "" {
		t.Errorf("requests by route (-got +want):\n%s", diff)
	}
}

func TestCompareFailsClosedPast300Files(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	head := s.Push("hotfix/x", manyFiles(301))
	got, err := Compare(context.Background(), s.Client, sandboxtest.Owner, sandboxtest.Name, "main", head)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Files) != MaxCompareFiles || !strings.Contains(got.Incomplete, "at most 300 files") {
		t.Errorf("%d files, incomplete %q; want 300 and the reason", len(got.Files), got.Incomplete)
	}
}

func TestIncomplete(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"compare whole", compareIncomplete(299, 3, 3), ""},
		{"compare at the file cap", compareIncomplete(300, 3, 3), "compare lists at most 300 files and listed 300"},
		{"compare commits cut", compareIncomplete(2, 250, 251), "compare listed 250 of 251 commits"},
		{"pull whole", pullIncomplete(120, 120, 2, 2), ""},
		{"pull one page of 30 read", pullIncomplete(30, 120, 2, 2), "read 30 files of the 120 the pull request changes"},
		{"pull at the file cap", pullIncomplete(3000, 3000, 1, 1), "a pull request lists at most 3000 files and listed 3000"},
		{"pull commits cut", pullIncomplete(1, 1, 250, 300), "read 250 commits of the pull request's 300"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestAPIFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   github.CommitFile
		want change.File
	}{
		{"removed", github.CommitFile{Filename: github.String("a"), Status: github.String("removed"), Deletions: github.Int(3), Patch: github.String("@@ -1,3 +0,0 @@\n-a\n-b\n-c")},
			change.File{Path: "a", Status: change.Deleted, Deletions: 3}},
		{"renamed", github.CommitFile{Filename: github.String("b"), PreviousFilename: github.String("a"), Status: github.String("renamed")},
			change.File{Path: "b", OldPath: "a", Status: change.Renamed}},
		{"binary", github.CommitFile{Filename: github.String("x.png"), Status: github.String("added"), SHA: github.String("0123")},
			change.File{Path: "x.png", Status: change.Added, Binary: true}},
		{"empty file", github.CommitFile{Filename: github.String("e"), Status: github.String("added"), SHA: github.String(emptyBlob)},
			change.File{Path: "e", Status: change.Added}},
		{"type change", github.CommitFile{Filename: github.String("l"), Status: github.String("changed"), Additions: github.Int(1), Deletions: github.Int(1)},
			change.File{Path: "l", Status: change.Modified, Additions: 1, Deletions: 1}},
		{"reindent", github.CommitFile{Filename: github.String("r"), Status: github.String("modified"), Additions: github.Int(1), Deletions: github.Int(1), Patch: github.String("@@ -1,3 +1,3 @@\n a\n-\tb\n+    b\n c")},
			change.File{Path: "r", Status: change.Modified, Additions: 1, Deletions: 1, WhitespaceOnly: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := apiFile(&tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("apiFile (-got +want):\n%s", diff)
			}
		})
	}
	_, err := apiFile(&github.CommitFile{Filename: github.String("q"), Status: github.String("moved")})
	if err == nil || !strings.Contains(err.Error(), `file q: status "moved" is not one GitHub documents (added, removed`) {
		t.Errorf("unknown status: err %v", err)
	}
}

// TestPatchWhitespaceOnlyMatchesGit decides whitespace-only from git's own three-line-context
// patch, which is what GitHub sends, and compares with FromGit on the same change.
func TestPatchWhitespaceOnlyMatchesGit(t *testing.T) {
	t.Parallel()
	before := "func f() {\n\tx := 1\n\ty := 2\n\treturn x + y\n}\n\nfunc g() {}\n"
	tests := []struct {
		name, after string
		want        bool
	}{
		{"reindent", strings.ReplaceAll(before, "\t", "    "), true},
		{"trailing spaces", strings.ReplaceAll(before, "1\n", "1  \n"), true},
		{"blank line added", before + "\n", true},
		{"reindent and a fix", strings.ReplaceAll(strings.ReplaceAll(before, "\t", "  "), "2", "3"), false},
		{"a fix", strings.ReplaceAll(before, "2", "3"), false},
		{"line split", strings.ReplaceAll(before, "x + y", "x +\n\t\ty"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := gittest.New(t)
			r.Commit("base", map[string]string{"f.go": before})
			r.Git("checkout", "-q", "-b", "hotfix/x")
			r.Commit("change", map[string]string{"f.go": tt.after})
			set, err := change.FromGit(context.Background(), r.Dir, "main", "hotfix/x")
			if err != nil {
				t.Fatal(err)
			}
			got, err := change.PatchWhitespaceOnly(githubPatch(t, r.Dir))
			if err != nil {
				t.Fatal(err)
			}
			if local := set.Files[0].WhitespaceOnly; got != local || got != tt.want {
				t.Errorf("from the patch %v, from git %v, want %v", got, local, tt.want)
			}
		})
	}
}

// githubPatch is the patch of main...hotfix/x as GitHub's patch field holds it: git's hunks with
// three lines of context, without the file header.
func githubPatch(t *testing.T, dir string) string {
	t.Helper()
	cmd := exec.Command("git", "diff", "--no-color", "main...hotfix/x")
	cmd.Dir, cmd.Env = dir, gittest.Env
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	_, hunks, ok := strings.Cut(string(out), "\n@@ ")
	if !ok {
		t.Fatalf("no hunk in:\n%s", out)
	}
	return strings.TrimSuffix("@@ "+hunks, "\n")
}

// TestComparePast250Commits reads a range of 261 commits and 320 files: every commit, in
// three pages of compare, the head last, and the 300 files compare lists, marked incomplete.
func TestComparePast250Commits(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("long", manyFiles(60))
	want := longHistory(t, s.Dir, "long", 260)
	s.Server.ResetRequests()
	got, err := Compare(context.Background(), s.Client, sandboxtest.Owner, sandboxtest.Name, "main", "long")
	if err != nil {
		t.Fatal(err)
	}
	var shas []string
	for _, c := range got.Commits {
		shas = append(shas, c.SHA)
	}
	if diff := cmp.Diff(shas, want); diff != "" {
		t.Errorf("commits of main...long (-got +want):\n%s", diff)
	}
	if got.HeadSHA != want[len(want)-1] || len(got.Files) != MaxCompareFiles || got.Incomplete != "compare lists at most 300 files and listed 300" {
		t.Errorf("head %s, %d files, incomplete %q; want the head, 300 files and only the files' reason", got.HeadSHA, len(got.Files), got.Incomplete)
	}
	if n := s.Server.Requests()["GET /repos/{owner}/{repo}/compare/{basehead...}"]; n != 3 {
		t.Errorf("Compare made %d compare requests, want 3 pages of 100", n)
	}
}

// longHistory adds n commits to branch, each adding a file, with git fast-import, and returns
// the branch's commits since main, oldest first.
func longHistory(t *testing.T, dir, branch string, n int) []string {
	t.Helper()
	var in strings.Builder
	fmt.Fprintf(&in, "reset refs/heads/%s\nfrom refs/heads/%s^0\n", branch, branch)
	for i := range n {
		fmt.Fprintf(&in, "commit refs/heads/%s\ncommitter Dev <dev@example.com> %d +0000\ndata 9\ncommit %02d\nM 100644 inline many/%03d.txt\ndata 2\n%d\n\n", branch, 1700000000+i, i%100, i, i%10)
	}
	cmd := exec.Command("git", "-C", dir, "fast-import", "--quiet")
	cmd.Stdin = strings.NewReader(in.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("add %d commits: %v: %s", n, err, out)
	}
	out, err := exec.Command("git", "-C", dir, "rev-list", "--reverse", "main.."+branch).Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Fields(string(out))
}
