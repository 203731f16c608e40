package change

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"
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
	if err := errors.Join(checkRef("base", base), checkRef("head", head)); err != nil {
		return Set{}, err
	}
	g := repo{dir: repoDir}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Two git processes run at once: on a small hotfix their start-up, not the diff, is the
	// cost. The log of the range also names head and the merge base (rangeLog); only when it
	// can't (an empty range, several merge bases) or a process fails does rev-parse run, to find
	// them or to diagnose the refs.
	var set Set
	var r logRange
	var logErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		r, logErr = g.rangeLog(ctx, base+"^{commit}", head+"^{commit}")
	}()
	files, filesErr := g.files(ctx, base+"^{commit}", head+"^{commit}")
	<-done
	e, err := g.ends(ctx, base, head, r, errors.Join(filesErr, logErr))
	if err != nil {
		return Set{}, err
	}
	set.Base, set.Head, set.BaseSHA, set.HeadSHA, set.Files, set.Commits = base, head, e.mergeBase, e.head, files, r.commits
	return set, nil
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

// checkRef refuses a ref that git could take for an option, or that can't name one commit.
func checkRef(role, ref string) error {
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

// files reads the changed files of base...head from one git diff process.
func (g repo) files(ctx context.Context, base, head string) ([]File, error) {
	var files []File
	read := func(r *bufio.Reader) (err error) {
		files, err = parseDiff(r)
		return err
	}
	return files, g.stream(ctx, read, diffArgs(base, head)...)
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
