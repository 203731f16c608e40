package change

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// gitDiff runs the package's git diff with extra options and parses its output.
func gitDiff(t *testing.T, dir, base, head string, extra ...string) []File {
	t.Helper()
	args := diffArgs(base, head)
	args = slices.Insert(args, 1, extra...)
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = gittest.Env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git diff: %v", err)
	}
	files, err := parseDiff(bufio.NewReader(bytes.NewReader(out)))
	if err != nil {
		t.Fatalf("parseDiff: %v", err)
	}
	return files
}

func TestParseDiffCopies(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("root", map[string]string{"src/a.go": gittest.Lines("a", 40)})
	r.Git("checkout", "-q", "-b", "hotfix/copy")
	r.Commit("copy", map[string]string{"src/b.go": gittest.Lines("a", 40) + "extra\n"})
	got := gitDiff(t, r.Dir, "main", "hotfix/copy", "--find-copies-harder")
	want := []File{{Path: "src/b.go", OldPath: "src/a.go", Status: Copied, Similarity: 98, Additions: 1}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("files (-got +want):\n%s", diff)
	}
}

func TestFromGitLongLinesAndMissingNewlines(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x ", 150_000)
	r := gittest.New(t)
	r.Commit("root", map[string]string{"min.js": long + "\n", "eof.txt": "a\nb", "eof2.txt": "a\nb\n", "long.txt": long + "\n"})
	r.Git("checkout", "-q", "-b", "hotfix/long")
	r.Commit("fix", map[string]string{
		"min.js":   strings.ReplaceAll(long, " ", "  ") + "\n",
		"eof.txt":  "a\nb\n",
		"eof2.txt": "a\nc",
		"long.txt": long + "y\n",
	})
	got, err := FromGit(context.Background(), r.Dir, "main", "hotfix/long")
	if err != nil {
		t.Fatal(err)
	}
	want := []File{
		{Path: "eof.txt", Status: Modified, Additions: 1, Deletions: 1, WhitespaceOnly: true},
		{Path: "eof2.txt", Status: Modified, Additions: 1, Deletions: 1},
		{Path: "long.txt", Status: Modified, Additions: 1, Deletions: 1},
		{Path: "min.js", Status: Modified, Additions: 1, Deletions: 1, WhitespaceOnly: true},
	}
	if diff := cmp.Diff(got.Files, want); diff != "" {
		t.Errorf("files (-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(setTotals(got), numstat(t, r.Dir, "main", "hotfix/long")); diff != "" {
		t.Errorf("totals (-got +numstat):\n%s", diff)
	}
}

// rawA is the raw record of an added file a.txt, and its separator.
const rawA = ":000000 100644 0000000000000000000000000000000000000000 78981922613b2afb6025042ff6bd878ac1994e85 A\x00a.txt\x00\x00"

func TestParseDiffRejectsMalformed(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"short raw record":      ":100644 M\x00a\x00\x00",
		"no separator":          rawA[:len(rawA)-1],
		"record without path":   ":000000 100644 00 78 A\x00",
		"bad score":             ":100644 100644 00 78 Rxx\x00a\x00b\x00\x00",
		"no patch":              rawA,
		"patch without header":  rawA + "@@ -0,0 +1 @@\n+a\n",
		"bad hunk header":       rawA + "diff --git a/a.txt b/a.txt\n@@ -0,0 +x @@\n+a\n",
		"short hunk":            rawA + "diff --git a/a.txt b/a.txt\n@@ -0,0 +1,2 @@\n+a\n",
		"stray line in hunk":    rawA + "diff --git a/a.txt b/a.txt\n@@ -0,0 +1 @@\n?a\n",
		"extra section":         rawA + "diff --git a/a.txt b/a.txt\n@@ -0,0 +1 @@\n+a\ndiff --git a/b b/b\n",
		"hunk header too short": rawA + "diff --git a/a.txt b/a.txt\n@@ -0,0\n",
	}
	for name, input := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			files, err := parseDiff(bufio.NewReader(strings.NewReader(input)))
			if err == nil {
				t.Errorf("parseDiff = %v, nil; want an error", files)
			}
		})
	}
}

func TestParseCommits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, out string
		want      []Commit
		wantErr   bool
	}{
		{name: "none", out: "", want: []Commit{}},
		{name: "root and merge", out: "r\x00\x00root\x00m\x00a b\x00Merge branch 'hotfix/x'\x00",
			want: []Commit{{SHA: "r", Parents: []string{}, Subject: "root"}, {SHA: "m", Parents: []string{"a", "b"}, Subject: "Merge branch 'hotfix/x'"}}},
		{name: "torn", out: "r\x00p\x00", wantErr: true},
	}
	for _, tt := range tests {
		got, err := parseCommits(tt.out)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: parseCommits error = %v, want error %v", tt.name, err, tt.wantErr)
		}
		if diff := cmp.Diff(got, tt.want); diff != "" {
			t.Errorf("%s: commits (-got +want):\n%s", tt.name, diff)
		}
	}
}

func FuzzParseDiff(f *testing.F) {
	f.Add(rawA + "diff --git a/a.txt b/a.txt\nnew file mode 100644\n@@ -0,0 +1 @@\n+a\n\\ No newline at end of file\n")
	f.Add(":100644 100644 00 78 R090\x00old\x00new\x00\x00diff --git a/old b/new\n@@ -1,2 +1,2 @@\n-a\n-b\n+ a\n+b\n")
	f.Add(":100644 120000 00 78 T\x00l\x00\x00diff --git a/l b/l\nBinary files a/l and /dev/null differ\ndiff --git a/l b/l\n@@ -0,0 +1 @@\n+t\n")
	f.Fuzz(func(t *testing.T, input string) {
		files, err := parseDiff(bufio.NewReader(strings.NewReader(input)))
		for _, file := range files {
			if err == nil && (file.Additions < 0 || file.Deletions < 0) {
				t.Errorf("negative counts in %+v", file)
			}
		}
	})
}
