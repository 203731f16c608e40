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
	return Start(ctx, dir, args...).Output()
}

// Stream runs git -C dir args and hands its standard output to read. When read stops early, the
// rest of the output is drained so that git can exit.
func Stream(ctx context.Context, dir string, read func(*bufio.Reader) error, args ...string) error {
	return Start(ctx, dir, args...).Stream(read)
}

// Process is a git command started and not yet read, so that a caller can start several in the
// order it wants them running (the longest first) before reading any.
type Process struct {
	cmd    *exec.Cmd
	args   []string
	stderr bytes.Buffer
	out    io.ReadCloser
	err    error // the start's failure, reported by Stream
}

// Start starts git -C dir args. A failure to start is reported when the output is read.
func Start(ctx context.Context, dir string, args ...string) *Process {
	p := &Process{cmd: Command(ctx, dir, args...), args: args}
	p.cmd.Stderr = &p.stderr
	if p.out, p.err = p.cmd.StdoutPipe(); p.err == nil {
		p.err = p.cmd.Start()
	}
	return p
}

// Stream hands the process's standard output to read and waits for it to end. When read stops
// early, the rest of the output is drained so that git can exit.
func (p *Process) Stream(read func(*bufio.Reader) error) error {
	if p.err != nil {
		return failed(p.args, nil, p.err)
	}
	r := bufio.NewReaderSize(p.out, 64<<10)
	readErr := read(r)
	_, _ = io.Copy(io.Discard, r)
	if err := p.cmd.Wait(); err != nil {
		return failed(p.args, p.stderr.Bytes(), err)
	}
	return readErr
}

// Output reads the process's standard output whole and waits for it to end.
func (p *Process) Output() ([]byte, error) {
	var out []byte
	err := p.Stream(func(r *bufio.Reader) (err error) {
		out, err = io.ReadAll(r)
		return err
	})
	return out, err
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
