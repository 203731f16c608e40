package git

import (
	"bufio"
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
)

func TestOutputAndItsErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "--quiet", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	out, err := Output(context.Background(), dir, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(string(out)) != "true" {
		t.Fatalf("Output = %q, %v", out, err)
	}
	_, err = Output(context.Background(), dir, "rev-parse", "--verify", "--quiet", "nope^{commit}")
	if Code(err) != 1 {
		t.Errorf("Code of a ref that is not there = %d (%v), want 1", Code(err), err)
	}
	_, err = Output(context.Background(), t.TempDir(), "rev-parse", "HEAD")
	var ge *Error
	if !errors.As(err, &ge) || ge.Code != 128 || !strings.HasPrefix(err.Error(), "git rev-parse: not a git repository") {
		t.Errorf("outside a repository: %v (code %d), want git rev-parse: not a git repository…, code 128", err, Code(err))
	}
	if Code(nil) != 0 || Code(errors.New("other")) != -1 {
		t.Errorf("Code(nil) = %d, Code(other) = %d; want 0 and -1", Code(nil), Code(errors.New("other")))
	}
}

func TestStreamDrainsWhatIsNotRead(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "--quiet", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	var first string
	err := Stream(context.Background(), dir, func(r *bufio.Reader) error {
		line, err := r.ReadString('\n')
		first = line
		return err
	}, "config", "--list")
	if err != nil || first == "" {
		t.Errorf("Stream read %q, %v", first, err)
	}
}

func TestFirstComplaint(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"warning: x\nfatal: bad revision 'y'\n": "bad revision 'y'",
		"error: pathspec 'z' did not match\n":   "pathspec 'z' did not match",
		"something else\n":                      "something else",
		"":                                      "",
	} {
		if got := firstComplaint([]byte(in)); got != want {
			t.Errorf("firstComplaint(%q) = %q, want %q", in, got, want)
		}
	}
}
