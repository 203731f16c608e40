package change

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/git"
)

// FromGit reads the change BASE...HEAD from the git CLI in repoDir, a worktree or a bare
// repository: the files changed from the merge base of base and head to head, the way GitHub
// compares, and the commits in base..head, oldest first. BaseSHA is that merge base (the first,
// as git diff picks, when there are several) and HeadSHA is head's commit.
//
// The files come from one git process, `git diff --raw --patch --unified=0 -z --find-renames`,
// so the diff is computed once. Additions and deletions are the changed lines of the patch, which
// are the counts `git diff --numstat --find-renames BASE...HEAD` prints; a binary file counts 0
// and 0, where numstat prints "-". A type change (a file that became a symlink) is Modified, with
// both modes. See File.WhitespaceOnly for the whitespace rule.
//
// A ref that starts with '-', or that is empty, is refused. The errors to branch on are
// ErrNotRepository, ErrUnknownRef (as a *RefError) and ErrNoMergeBase.
func FromGit(ctx context.Context, repoDir, base, head string) (Set, error) {
	if err := errors.Join(CheckRef("base", base), CheckRef("head", head)); err != nil {
		return Set{}, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return repo{dir: repoDir}.start(ctx, base, head).set(ctx)
}

// reading is a change set's two git processes, started: on a small hotfix their start-up, not
// the diff, is the cost, so they run at once. The log of the range also names head and the
// merge base (rangeLog); only when it can't (an empty range, several merge bases) or a process
// fails does rev-parse run, to find them or to diagnose the refs.
type reading struct {
	g          repo
	base, head string
	diff, log  *git.Process
}

// start starts the diff, the longest of the two, and then the log.
func (g repo) start(ctx context.Context, base, head string) reading {
	diff := git.Start(ctx, g.dir, diffArgs(base+"^{commit}", head+"^{commit}")...)
	log := git.Start(ctx, g.dir, logArgs(base+"^{commit}", head+"^{commit}")...)
	return reading{g: g, base: base, head: head, diff: diff, log: log}
}

// set reads both processes' output, the log's beside the diff's, and makes the change set. The
// caller cancels ctx afterwards, which stops the other process when one failed.
func (r reading) set(ctx context.Context) (Set, error) {
	var lr logRange
	var logErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		lr, logErr = rangeLog(r.log)
	}()
	var files []File
	filesErr := r.diff.Stream(func(b *bufio.Reader) (err error) {
		files, err = parseDiff(b)
		return err
	})
	<-done
	e, err := r.g.ends(ctx, r.base, r.head, lr, errors.Join(filesErr, logErr))
	if err != nil {
		return Set{}, err
	}
	return Set{Base: r.base, Head: r.head, BaseSHA: e.mergeBase, HeadSHA: e.head, Files: files, Commits: lr.commits}, nil
}

// ends are the head and merge base the log found, or else rev-parse's; with a failed process,
// rev-parse's diagnosis of the refs, or the failure itself when the refs are fine.
func (g repo) ends(ctx context.Context, base, head string, r logRange, failed error) (ends, error) {
	if failed == nil && r.mergeBase != "" {
		return ends{head: r.head, mergeBase: r.mergeBase}, nil
	}
	e, err := g.resolve(ctx, base, head)
	if err != nil {
		return ends{}, err
	}
	if failed != nil {
		return ends{}, fmt.Errorf("change %s...%s in %s: %w", base, head, g.dir, failed)
	}
	return e, nil
}

// CheckRef refuses a ref that git could take for an option, or that can't name one commit.
func CheckRef(role, ref string) error {
	switch {
	case ref == "":
		return badRef(fmt.Sprintf("%s ref is empty", role))
	case strings.HasPrefix(ref, "-"):
		return badRef(fmt.Sprintf("%s ref %q starts with '-'", role, ref))
	case strings.Contains(ref, ".."):
		return badRef(fmt.Sprintf("%s ref %q is a range; give one commit", role, ref))
	case strings.ContainsAny(ref, "\x00\n"):
		return badRef(fmt.Sprintf("%s ref %q holds a control character", role, ref))
	}
	return nil
}

// ends are the commits a comparison is made of.
type ends struct{ base, head, mergeBase string }

// resolve turns base and head into commit SHAs and finds their merge base, in one git process:
// `git rev-parse B...H` prints H, B, then each merge base after a ^.
func (g repo) resolve(ctx context.Context, base, head string) (ends, error) {
	out, err := g.output(ctx, "rev-parse", "--end-of-options", base+"^{commit}..."+head+"^{commit}")
	if err != nil {
		return ends{}, g.diagnose(ctx, base, head, err)
	}
	var e ends
	for _, line := range strings.Fields(string(out)) {
		switch {
		case line == "--end-of-options": // git before 2.43 echoes it
		case e.head == "":
			e.head = line
		case e.base == "":
			e.base = line
		case e.mergeBase == "" && strings.HasPrefix(line, "^"):
			e.mergeBase = line[1:] // the first, as git diff uses
		}
	}
	if e.mergeBase == "" {
		return ends{}, &NoMergeBaseError{Base: base, Head: head, Dir: g.dir}
	}
	return e, nil
}

// diffArgs is the one git diff behind a change set. The options that a user's config could turn
// into other output are pinned: no colour, no external diff or textconv, whole object names, no
// context lines, short submodule lines, paths from the top of the repository.
func diffArgs(base, head string) []string {
	return []string{
		"diff", "--raw", "--patch", "-z", "--find-renames",
		"--no-abbrev", "--full-index", "--unified=0", "--inter-hunk-context=0",
		"--no-color", "--no-ext-diff", "--no-textconv", "--submodule=short", "--no-relative",
		"--end-of-options", base + "..." + head, "--",
	}
}
