package change

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/incident-hotfix/incident-hotfix/internal/git"
)

// ErrNotRepository is the error when the directory is not a git repository (or can't be read as
// one). The error that wraps it names the directory.
var ErrNotRepository = errors.New("not a git repository")

// ErrUnknownRef is the error when a ref does not name a commit. It comes wrapped in a *RefError.
var ErrUnknownRef = errors.New("unknown ref")

// ErrBadRef is the error when a ref is refused before git sees it: empty, an option, a range,
// or with a control character in it.
var ErrBadRef = errors.New("bad ref")

// badRef is a refused ref's message; it matches ErrBadRef.
type badRef string

func (b badRef) Error() string      { return string(b) }
func (badRef) Is(target error) bool { return target == ErrBadRef }

// ErrNoMergeBase is the error when base and head share no history, which is usually a shallow
// clone. It comes wrapped in a *NoMergeBaseError.
var ErrNoMergeBase = errors.New("no merge base")

// RefError says which ref does not name a commit, and how it might be fetched.
type RefError struct {
	Ref string
	Dir string
	// Fetch is a git fetch command that may bring the ref in, or empty when none is likely.
	Fetch string
}

// Error names the ref and the directory, and suggests the fetch.
func (e *RefError) Error() string {
	msg := fmt.Sprintf("ref %q does not name a commit in %s", e.Ref, e.Dir)
	if e.Fetch != "" {
		msg += fmt.Sprintf(" (is it fetched? try %q)", e.Fetch)
	}
	return msg
}

// Unwrap returns ErrUnknownRef.
func (e *RefError) Unwrap() error { return ErrUnknownRef }

// NoMergeBaseError names the refs that share no history.
type NoMergeBaseError struct{ Base, Head, Dir string }

// Error names both refs and suggests fetching the history.
func (e *NoMergeBaseError) Error() string {
	return fmt.Sprintf("no merge base between %s and %s in %s (a shallow clone? try \"git fetch --unshallow\")",
		e.Base, e.Head, e.Dir)
}

// Unwrap returns ErrNoMergeBase.
func (e *NoMergeBaseError) Unwrap() error { return ErrNoMergeBase }

// diagnose explains why base...head did not resolve: the directory is no repository, or one of
// the refs names no commit. Any other cause is returned as it came.
func (g repo) diagnose(ctx context.Context, base, head string, cause error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("resolve %s...%s in %s: %w", base, head, g.dir, err)
	}
	if _, err := g.output(ctx, "rev-parse", "--git-dir"); err != nil {
		return notRepository(g.dir, err)
	}
	for _, ref := range []string{base, head} {
		_, err := g.output(ctx, "rev-parse", "--verify", "--quiet", "--end-of-options", ref+"^{commit}")
		if err != nil {
			return &RefError{Ref: ref, Dir: g.dir, Fetch: g.fetchHint(ctx, ref)}
		}
	}
	return fmt.Errorf("resolve %s...%s in %s: %w", base, head, g.dir, cause)
}

// notRepository wraps ErrNotRepository with the directory, and with git's reason when it says more
// than "not a git repository" (a missing directory, a repository owned by another user).
func notRepository(dir string, err error) error {
	var cmd *git.Error
	if !errors.As(err, &cmd) || cmd.Reason == "" || strings.Contains(cmd.Reason, "not a git repository") {
		return fmt.Errorf("%s: %w", dir, ErrNotRepository)
	}
	return fmt.Errorf("%s: %w (%s)", dir, ErrNotRepository, cmd.Reason)
}

// objectName matches a full or abbreviated hexadecimal object name.
var objectName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{4,64}$`) })

// fetchHint suggests a git fetch for a ref that looks like a branch on a remote: remote/branch or
// refs/remotes/remote/branch for a configured remote, or a plain name when origin is configured.
func (g repo) fetchHint(ctx context.Context, ref string) string {
	out, err := g.output(ctx, "remote")
	if err != nil {
		return ""
	}
	remotes := strings.Fields(string(out))
	name := strings.TrimPrefix(ref, "refs/remotes/")
	for _, remote := range remotes {
		if branch, ok := strings.CutPrefix(name, remote+"/"); ok && branch != "" {
			return fmt.Sprintf("git fetch %s %s", remote, branch)
		}
	}
	if strings.ContainsAny(ref, "~^@:{") || objectName().MatchString(ref) || len(remotes) == 0 {
		return ""
	}
	remote := remotes[0]
	if slices.Contains(remotes, "origin") {
		remote = "origin"
	}
	branch := strings.TrimPrefix(ref, "refs/heads/")
	return fmt.Sprintf("git fetch %s %s:%s", remote, branch, branch)
}
