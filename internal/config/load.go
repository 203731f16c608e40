package config

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/refname"
)

// Source says where a policy came from, for the output.
type Source struct {
	// File is the override file, or DefaultPath when the policy was read from the base ref.
	File string
	// Ref is the base ref the policy was read from; it is empty for an override file.
	Ref string
	// Defaults is true when the base ref has no policy file, so the policy is Default().
	Defaults bool
	// API is true when the policy was read through the contents API, not from a checkout.
	API bool
}

// String describes the source in a few words: a file, "FILE on REF", or the defaults.
func (s Source) String() string {
	switch {
	case s.Defaults:
		return fmt.Sprintf("defaults (no %s on %s)", s.File, s.Ref)
	case s.Ref == "":
		return s.File
	}
	return fmt.Sprintf("%s on %s", s.File, s.Ref)
}

// load returns the policy in force. With an override file path it reads that file. Otherwise it
// reads DefaultPath as committed on baseRef in repoDir, never from the worktree or the hotfix
// branch, so a hotfix cannot loosen its own limits; when baseRef has no policy file, the policy is
// Default(). Errors match ErrUnreadable, ErrInvalid, ErrBaseRef or ErrRepo with errors.Is.
func load(ctx context.Context, repoDir, baseRef, override string) (Policy, Source, error) {
	if override != "" {
		return loadFile(override)
	}
	return loadRef(ctx, repoDir, baseRef)
}

// loadFile reads and parses a policy file from disk.
func loadFile(path string) (Policy, Source, error) {
	src := Source{File: path}
	data, err := readFile(path)
	if err != nil {
		return Policy{}, src, err
	}
	p, err := Parse(path, data)
	return p, src, err
}

// readFile reads at most MaxSize+1 bytes of a file, so Parse can reject a larger one.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrUnreadable, path, pathCause(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrUnreadable, path, pathCause(err))
	}
	return data, nil
}

// pathCause drops the operation and path from an *fs.PathError, which the caller already names.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// baseRefs are the full ref names that may hold the branch base in a checkout, in the order they
// are tried: the remote-tracking branch that actions/checkout fetches, then a local branch. A
// full ref (refs/...) or a commit SHA is taken as it is; origin/BRANCH names the remote-tracking
// branch first, as people write it. A branch may end in ancestry steps (main~1, main^2), which
// apply to the branch found. Never a tag.
func baseRefs(base string) []string {
	if strings.HasPrefix(base, "refs/") || isCommitID(base) {
		return []string{base}
	}
	branch, steps := splitAncestry(base)
	refs := []string{"refs/remotes/origin/" + branch + steps, "refs/heads/" + branch + steps}
	if strings.HasPrefix(branch, "origin/") {
		refs = append([]string{"refs/remotes/" + branch + steps}, refs...)
	}
	return refs
}

// splitAncestry cuts base into a branch name and its ancestry steps (~N and ^N), if any.
func splitAncestry(base string) (branch, steps string) {
	i := strings.IndexAny(base, "~^")
	if i < 0 {
		return base, ""
	}
	return base[:i], base[i:]
}

// checkBase returns why base can't name the policy's branch: a branch name, with ancestry steps
// at most, a full ref, or a commit SHA.
func checkBase(base string) error {
	if strings.HasPrefix(base, "refs/") || isCommitID(base) {
		return nil
	}
	branch, steps := splitAncestry(base)
	if strings.Trim(steps, "~^0123456789") != "" {
		return fmt.Errorf("%q after the branch name is not ancestry steps such as ~1 or ^2", steps)
	}
	return refname.Check(branch)
}

// isCommitID reports whether s is a full commit SHA (SHA-1 or SHA-256), which no ref can shadow.
func isCommitID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	return strings.Trim(s, "0123456789abcdef") == ""
}

// RangeBase is the full ref a range on the checkout dir starts at: the one the policy was just
// read from there (s), or else the one ResolveBase finds, so git resolves the base once per run.
func (s Source) RangeBase(ctx context.Context, dir, base string) (string, error) {
	if s.Ref != "" && !s.API && s.File == DefaultPath {
		return s.Ref, nil
	}
	return ResolveBase(ctx, dir, base)
}
