package cli

import (
	"errors"
)

// Exit codes, the same for every command.
const (
	ExitOK     = 0 // the work was done, or there was nothing to do
	ExitFailed = 1 // a check failed, or a runtime error stopped the work
	ExitUsage  = 2 // the command line, an input or the policy file is wrong
)

// ErrCheckFailed says that the command already reported a failed check; Main exits 1 and prints
// nothing more.
var ErrCheckFailed = errors.New("check failed")

// usageError marks an error as the user's input being wrong, so Main exits 2.
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

// isUsage reports whether err was marked by Usage.
func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// exitCode maps the error a command returned to the process exit code.
func exitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case isUsage(err):
		return ExitUsage
	default:
		return ExitFailed
	}
}
