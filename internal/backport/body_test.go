package backport

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"
)

func TestBody(t *testing.T) {
	t.Parallel()
	h := Hotfix{Number: 42, Title: "Fix login | timeout for @org/team <!-- hotfix:x -->", Branch: "hotfix/login-timeout",
		Base: "main", MergeSHA: "3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b", Tag: "v1.2.4", Incident: 7}
	tg := Target{Branch: "develop", Reason: "no release branch is open, so git-flow sends the hotfix to develop"}
	golden.Check(t, "clean.md.golden", Body(h, tg, BranchName(h.Branch, tg.Branch), false))
	odd := Target{Branch: "release/$(touch pwned)'1.3", Reason: "release 1.3 is open"}
	golden.Check(t, "conflict.md.golden", Body(h, odd, BranchName(h.Branch, odd.Branch), true))
	long := h
	long.Title = strings.Repeat("é", 300)
	if got := []rune(Title(long, "develop")); len(got) != maxTitle || got[len(got)-1] != '…' {
		t.Errorf("Title of a long hotfix is %d characters, want %d ending in …", len(got), maxTitle)
	}
	if got, want := Title(h, "develop"), "Backport #42 to develop: Fix login | timeout for @org/team <!-- hotfix:x -->"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
}

// TestShellQuote runs each quoted word through a real shell and checks it arrives unchanged and
// runs nothing.
func TestShellQuote(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, s := range []string{"develop", "release/1.3", "a b", "$(touch pwned)", "it's", "`touch pwned`", "x;touch pwned", "\n", ""} {
		cmd := exec.Command("sh", "-c", "printf %s "+shellQuote(s))
		cmd.Dir = dir
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("sh with %q: %v", s, err)
		}
		if string(out) != s {
			t.Errorf("shellQuote(%q) reached the shell as %q", s, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "pwned")); err == nil {
		t.Error("a quoted word ran a command")
	}
}
