package change

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// git runs the git CLI in one repository directory, a worktree or a bare repository. Arguments go
// to exec as an explicit argv; no shell is involved.
type git struct{ dir string }

// command builds git -C dir args.
func (g git) command(ctx context.Context, args ...string) *exec.Cmd {
	return exec.CommandContext(ctx, "git", append([]string{"-C", g.dir}, args...)...)
}

// output runs git and returns its standard output.
func (g git) output(ctx context.Context, args ...string) ([]byte, error) {
	cmd := g.command(ctx, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, gitError(args, stderr.Bytes(), err)
	}
	return out, nil
}

// stream runs git and hands its standard output to read. When read stops early, the rest of the
// output is drained so that git can exit.
func (g git) stream(ctx context.Context, read func(*bufio.Reader) error, args ...string) error {
	cmd := g.command(ctx, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git %s: %w", args[0], err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git %s: %w", args[0], err)
	}
	r := bufio.NewReaderSize(pipe, 64<<10)
	readErr := read(r)
	_, _ = io.Copy(io.Discard, r)
	if err := cmd.Wait(); err != nil {
		return gitError(args, stderr.Bytes(), err)
	}
	return readErr
}

// commandError is a git command that failed, with git's first complaint.
type commandError struct {
	sub    string // the git subcommand
	reason string // git's first fatal or error line, without the prefix; may be empty
	err    error
}

// Error names the subcommand and gives git's reason on one line.
func (e *commandError) Error() string {
	if e.reason == "" {
		return fmt.Sprintf("git %s: %v", e.sub, e.err)
	}
	return fmt.Sprintf("git %s: %s (%v)", e.sub, e.reason, e.err)
}

// Unwrap returns the exec error.
func (e *commandError) Unwrap() error { return e.err }

// gitError wraps a failed git command.
func gitError(args []string, stderr []byte, err error) error {
	return &commandError{sub: args[0], reason: firstLine(stderr), err: err}
}

// firstLine returns git's first fatal or error line, or else its first line, without the prefix.
func firstLine(stderr []byte) string {
	lines := strings.Split(strings.TrimSpace(string(stderr)), "\n")
	for _, line := range lines {
		for _, prefix := range []string{"fatal: ", "error: "} {
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				return strings.TrimSpace(rest)
			}
		}
	}
	return strings.TrimSpace(lines[0])
}
