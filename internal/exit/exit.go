// Package exit is how a command's error becomes its exit status, the same for every command of
// both binaries (hotfix and hotfix-guard): 0 done, 1 a failed check or a runtime error, 2 the
// command line, an input or the policy is wrong.
package exit

import (
	"errors"
	"fmt"
	"io"
)

// Codes, the same for every command.
const (
	OK     = 0 // the work was done, or there was nothing to do
	Failed = 1 // a check failed, or a runtime error stopped the work
	Bad    = 2 // the command line, an input or the policy file is wrong
)

// ErrCheckFailed says that the command already reported a failed check: exit 1, and nothing more
// is printed.
var ErrCheckFailed = errors.New("check failed")

// usageError marks an error as the user's input being wrong.
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func (u usageError) Unwrap() error { return u.err }

// Usage marks err as a usage or configuration error (exit 2). It returns nil for nil.
func Usage(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err}
}

// IsUsage reports whether err was marked by Usage.
func IsUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// Code maps the error a command returned to the process exit code.
func Code(err error) int {
	switch {
	case err == nil:
		return OK
	case IsUsage(err):
		return Bad
	default:
		return Failed
	}
}

// Annotator is where a runner takes an error: the workflow's error annotation.
type Annotator interface {
	Active() bool
	Error(msg string)
}

// Report says what stopped the command, as "hotfix NAME: why", on the runner as an error
// annotation or else on stderr, and returns the exit code. A failed check was reported already.
func Report(stderr io.Writer, r Annotator, name string, err error) int {
	if err != nil && !errors.Is(err, ErrCheckFailed) {
		msg := fmt.Sprintf("hotfix %s: %v", name, err)
		if r.Active() {
			r.Error(msg)
		} else {
			fmt.Fprintln(stderr, msg)
		}
	}
	return Code(err)
}
