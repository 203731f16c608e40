package change

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// writeFile writes raw bytes into the repository's worktree, making directories as needed.
func writeFile(t testing.TB, r *gittest.Repo, path string, content []byte, mode os.FileMode) {
	t.Helper()
	full := filepath.Join(r.Dir, path)
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, content, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(full, mode); err != nil {
		t.Fatal(err)
	}
}

// totals are the figures guard compares with git: files, added and deleted lines, binary files.
type totals struct{ Files, Additions, Deletions, Binary int }

// setTotals sums a change set.
func setTotals(s Set) totals {
	got := totals{Files: len(s.Files), Additions: s.Additions(), Deletions: s.Deletions()}
	for _, f := range s.Files {
		if f.Binary {
			got.Binary++
		}
	}
	return got
}

// numstat runs plain `git diff --numstat --find-renames base...head` and sums its lines, without
// any of this package's code: "add<TAB>del<TAB>path" with "-" for a binary file.
func numstat(t testing.TB, dir, base, head string) totals {
	t.Helper()
	cmd := exec.Command("git", "-C", dir, "diff", "--numstat", "--find-renames", base+"..."+head)
	cmd.Env = gittest.Env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git diff --numstat %s...%s: %v\n%s", base, head, err, stderr.Bytes())
	}
	var sum totals
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if line == "" {
			continue
		}
		fields := strings.SplitN(line, "\t", 3)
		sum.Files++
		if fields[0] == "-" {
			sum.Binary++
			continue
		}
		sum.Additions += atoi(t, fields[0])
		sum.Deletions += atoi(t, fields[1])
	}
	return sum
}

// atoi parses a count or ends the test.
func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("count %q: %v", s, err)
	}
	return n
}
