package git

import (
	"bufio"
	"context"
	"errors"
	"fmt"
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

// TestStartRunsBeforeItIsRead: a process started is running before anyone reads it (two started
// in turn both run), and a start that failed is reported when it is read.
func TestStartRunsBeforeItIsRead(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "--quiet", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	ctx := context.Background()
	first := Start(ctx, dir, "rev-parse", "--is-inside-work-tree")
	second := Start(ctx, dir, "rev-parse", "--is-bare-repository")
	if first.cmd.Process == nil || second.cmd.Process == nil {
		t.Fatalf("not started: %v, %v", first.err, second.err)
	}
	b, err := second.Output()
	a, err2 := first.Output()
	if string(a) != "true\n" || string(b) != "false\n" || err != nil || err2 != nil {
		t.Errorf("read in the other order: %q, %v and %q, %v; want true and false", a, err2, b, err)
	}
	t.Setenv("PATH", t.TempDir()) // no git here
	_, err = Start(ctx, dir, "rev-parse", "HEAD").Output()
	if Code(err) != -1 || !strings.HasPrefix(fmt.Sprint(err), "git rev-parse: ") {
		t.Errorf("with no git on PATH: %v (code %d), want a git rev-parse error, code -1", err, Code(err))
	}
}
