package git

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// Batch is one `git cat-file --batch` process, which answers object requests in turn: a ref, a
// commit, a tree or a file read in one process instead of one process each.
// See https://git-scm.com/docs/git-cat-file#_batch_output.
type Batch struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr bytes.Buffer
	done   bool
	err    error
}

// Object is one answer of a Batch: the object's name, type ("commit", "tree", "blob", "tag")
// and content.
type Object struct {
	ID, Type string
	Data     []byte
}

// StartBatch starts `git cat-file --batch` in dir. Close it when done.
func StartBatch(ctx context.Context, dir string) (*Batch, error) {
	b := &Batch{cmd: Command(ctx, dir, "cat-file", "--batch")}
	b.cmd.Stderr = &b.stderr
	in, err := b.cmd.StdinPipe()
	if err != nil {
		return nil, failed([]string{"cat-file"}, nil, err)
	}
	out, err := b.cmd.StdoutPipe()
	if err != nil {
		return nil, failed([]string{"cat-file"}, nil, err)
	}
	if err := b.cmd.Start(); err != nil {
		return nil, failed([]string{"cat-file"}, nil, err)
	}
	b.in, b.out = in, bufio.NewReader(out)
	return b, nil
}

// Get returns the object that name names (any revision git understands, such as
// refs/heads/main^{commit} or COMMIT:path/to/dir); found is false when git has no such object.
// A name holding a newline is refused, since each request is a line. An error means the process
// failed (a *Error, such as not a repository); the Batch can't be used after it.
func (b *Batch) Get(name string) (obj Object, found bool, err error) {
	if b.err != nil {
		return Object{}, false, b.err
	}
	if strings.ContainsAny(name, "\n\x00") {
		return Object{}, false, fmt.Errorf("git cat-file: object name %q holds a newline or NUL", name)
	}
	if _, err := io.WriteString(b.in, name+"\n"); err != nil {
		return Object{}, false, b.fail(err)
	}
	obj, found, err = b.read(name)
	if err != nil {
		return Object{}, false, b.fail(err)
	}
	return obj, found, nil
}

// read reads one answer: "NAME missing" (or ambiguous), or "ID TYPE SIZE", the content and a
// newline.
func (b *Batch) read(name string) (Object, bool, error) {
	header, err := b.out.ReadString('\n')
	if err != nil {
		return Object{}, false, err
	}
	header = strings.TrimSuffix(header, "\n")
	if header == name+" missing" || header == name+" ambiguous" {
		return Object{}, false, nil
	}
	f := strings.Fields(header)
	size, convErr := 0, error(nil)
	if len(f) == 3 {
		size, convErr = strconv.Atoi(f[2])
	}
	if len(f) != 3 || convErr != nil || size < 0 {
		return Object{}, false, fmt.Errorf("unexpected answer %q to %q", header, name)
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(b.out, data); err != nil {
		return Object{}, false, err
	}
	return Object{ID: f[0], Type: f[1], Data: data[:size]}, true, nil
}

// fail ends the process after a failed request and keeps the error for every later call: git's
// own complaint and exit code when it stopped (not a repository), else why reading failed.
func (b *Batch) fail(err error) error {
	waitErr := b.wait()
	switch {
	case waitErr != nil:
		b.err = waitErr
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		b.err = &Error{Sub: "cat-file", Code: 0, Reason: "stopped answering", Err: err}
	default:
		b.err = &Error{Sub: "cat-file", Code: -1, Err: err}
	}
	return b.err
}

// Close ends the process: it closes git's input, so git exits, and waits for it.
func (b *Batch) Close() error {
	if b.done {
		return nil
	}
	return b.wait()
}

// wait closes git's input, waits for the process and returns its failure as an *Error.
func (b *Batch) wait() error {
	if b.done {
		return nil
	}
	b.done = true
	_ = b.in.Close()
	_, _ = io.Copy(io.Discard, b.out)
	if err := b.cmd.Wait(); err != nil {
		return failed([]string{"cat-file"}, b.stderr.Bytes(), err)
	}
	return nil
}
