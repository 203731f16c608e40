// Package git runs the git CLI: one runner with one error format for every package that reads a
// repository. Arguments go to exec as an explicit argv; no shell is involved.
package git

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// Error is a git command that failed: its subcommand, its exit code, and git's first complaint.
type Error struct {
	Sub    string // the git subcommand
	Code   int    // git's exit code; -1 when git did not run
	Reason string // git's first fatal or error line, without the prefix; may be empty
	Err    error
}

// Error names the subcommand and gives git's reason on one line, or the exec error when git
// gave none (git missing, or killed).
func (e *Error) Error() string {
	if e.Reason == "" {
		return fmt.Sprintf("git %s: %v", e.Sub, e.Err)
	}
	return fmt.Sprintf("git %s: %s", e.Sub, e.Reason)
}

// Unwrap returns the exec error.
func (e *Error) Unwrap() error { return e.Err }

// Code is the exit code of the git command that err reports: 0 for nil, -1 when git did not run
// (no git on PATH) or err is not a git error.
func Code(err error) int {
	var ge *Error
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ge):
		return ge.Code
	}
	return -1
}

// Command builds git -C dir args.
func Command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	return exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
}

// Output runs git -C dir args and returns its standard output.
func Output(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := Command(ctx, dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, failed(args, stderr.Bytes(), err)
	}
	return out, nil
}

// Stream runs git -C dir args and hands its standard output to read. When read stops early, the
// rest of the output is drained so that git can exit.
func Stream(ctx context.Context, dir string, read func(*bufio.Reader) error, args ...string) error {
	cmd := Command(ctx, dir, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return failed(args, nil, err)
	}
	if err := cmd.Start(); err != nil {
		return failed(args, nil, err)
	}
	r := bufio.NewReaderSize(pipe, 64<<10)
	readErr := read(r)
	_, _ = io.Copy(io.Discard, r)
	if err := cmd.Wait(); err != nil {
		return failed(args, stderr.Bytes(), err)
	}
	return readErr
}

// failed is the Error for a git command that failed with err after writing stderr.
func failed(args []string, stderr []byte, err error) error {
	code := -1
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	}
	return &Error{Sub: args[0], Code: code, Reason: firstComplaint(stderr), Err: err}
}

// firstComplaint returns git's first fatal or error line, or else its first line, without the
// prefix.
func firstComplaint(stderr []byte) string {
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
