package config

import (
	"errors"
	"fmt"
	"strings"
)

// Errors a caller can branch on with errors.Is. The CLI maps each of them to exit code 2.
var (
	// ErrInvalid matches an *Errors: the policy file was read but is not a valid policy.
	ErrInvalid = errors.New("invalid policy")
	// ErrUnreadable means the policy file given as an override could not be read.
	ErrUnreadable = errors.New("unreadable policy file")
	// ErrBaseRef means the base ref does not name a commit, or is not a safe ref.
	ErrBaseRef = errors.New("bad base ref")
	// ErrRepo means the directory is not a git repository.
	ErrRepo = errors.New("not a git repository")
)

// Error is one problem in a policy file, at a position, under a key path such as guard.max_lines.
// Line and Col are 1-based; Col is 0 when the YAML parser does not report one.
type Error struct {
	File string
	Line int
	Col  int
	Key  string
	Msg  string
}

// Error prints the problem as file:line:col: key: message.
func (e Error) Error() string {
	pos := fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Col)
	if e.Col == 0 {
		pos = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Key == "" {
		return pos + ": " + e.Msg
	}
	return pos + ": " + e.Key + ": " + e.Msg
}

// Errors holds every problem found in a policy file, in the order they appear.
type Errors struct {
	List []Error
}

// Error prints one problem per line.
func (e *Errors) Error() string {
	lines := make([]string, len(e.List))
	for i, one := range e.List {
		lines[i] = one.Error()
	}
	return strings.Join(lines, "\n")
}

// Is reports whether target is ErrInvalid.
func (e *Errors) Is(target error) bool {
	return target == ErrInvalid
}

// Unwrap returns each problem, so errors.As finds an Error.
func (e *Errors) Unwrap() []error {
	errs := make([]error, len(e.List))
	for i, one := range e.List {
		errs[i] = one
	}
	return errs
}
