package config

import (
	"context"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/git"
)

// loadRef reads and parses DefaultPath from the commit that base names (see resolveIn), with
// one git process for the ref and the file.
func loadRef(ctx context.Context, dir, base string) (Policy, Source, error) {
	src := Source{File: DefaultPath, Ref: base}
	data, found, ref, err := readOnRef(ctx, dir, base, DefaultPath)
	if ref != "" {
		src.Ref = ref
	}
	switch {
	case err != nil && ref != "":
		return Policy{}, src, fmt.Errorf("read %s on %s: %w", DefaultPath, ref, err)
	case err != nil:
		return Policy{}, src, err
	case !found:
		src.Defaults = true
		return Default(), src, nil
	}
	p, err := Parse(DefaultPath, data)
	return p, src, err
}

// fileOnRef returns the content of the file at path, relative to the repository root, as committed
// on ref in repoDir; found is false when ref has no file there. Like load, it reads the commit,
// never the worktree: the postmortem template comes from the base branch, as the policy does.
// Errors match ErrBaseRef or ErrRepo for a bad ref or directory, and ErrInvalid when the entry
// at path is not a regular file.
func fileOnRef(ctx context.Context, repoDir, ref, path string) (data []byte, found bool, err error) {
	if why := checkRepoPath(path); why != "" {
		return nil, false, fmt.Errorf("read %q on %s: the path %s; give a path from the repository root, e.g. .github/postmortem.md", path, ref, why)
	}
	data, found, full, err := readOnRef(ctx, repoDir, ref, path)
	if err != nil && full != "" {
		return nil, false, fmt.Errorf("read %s on %s: %w", path, ref, err)
	}
	return data, found, err
}

// readOnRef resolves base (see resolveIn) and reads the file at path in its commit, from the
// repository's files, or else in one `git cat-file --batch` process (git.Objects). ref is the full ref found, "" when none was; an error with a
// ref is about the file, which the caller names.
func readOnRef(ctx context.Context, dir, base, path string) (data []byte, found bool, ref string, err error) {
	if err := checkBaseInput(base); err != nil {
		return nil, false, "", err
	}
	b := git.OpenObjects(ctx, dir)
	defer b.Close()
	ref, commit, err := resolveIn(ctx, b, dir, base)
	if err != nil {
		return nil, false, "", err
	}
	data, found, err = readBlob(b, commit, path)
	return data, found, ref, err
}

// ResolveBase returns the full ref (or commit SHA) that base names in the checkout dir, by the
// order the policy is read in: refs/remotes/origin/BASE, then refs/heads/BASE, never a tag. The
// guard compares from it, so the range it checks and the policy it applies come from one branch.
func ResolveBase(ctx context.Context, dir, base string) (string, error) {
	if err := checkBaseInput(base); err != nil {
		return "", err
	}
	b := git.OpenObjects(ctx, dir)
	defer b.Close()
	ref, _, err := resolveIn(ctx, b, dir, base)
	return ref, err
}

// FirstBaseRef is the ref ResolveBase tries first for base, the one it finds in a checkout made
// by actions/checkout, so that work on the range can start before the policy is read; "" when
// base can't name a branch.
func FirstBaseRef(base string) string {
	if checkBaseInput(base) != nil {
		return ""
	}
	return baseRefs(base)[0]
}

// LikelyBaseRef is the ref ResolveBase will most likely find for base in dir: the first of the
// refs it tries that the repository's files hold under that very name (a local clone with no
// origin has only refs/heads/BASE), else FirstBaseRef's. It starts no process and reads no
// object; it is a guess for starting work early, which the caller checks against the ref the
// policy came from.
func LikelyBaseRef(dir, base string) string {
	first := FirstBaseRef(base)
	if first == "" || !strings.HasPrefix(first, "refs/") {
		return first
	}
	f, err := git.OpenFiles(dir)
	if err != nil {
		return first
	}
	defer f.Close()
	for _, ref := range baseRefs(base) {
		name, _ := splitAncestry(ref)
		if found, err := f.HasRef(name); err != nil || found {
			return ref
		}
	}
	return first
}

// checkBaseInput refuses a base that could be read as an option or that names no branch, before
// git sees it.
func checkBaseInput(base string) error {
	if base == "" || strings.HasPrefix(base, "-") {
		return fmt.Errorf("%w %q: a ref must not be empty or start with \"-\"; give a branch, e.g. main", ErrBaseRef, base)
	}
	if err := checkBase(base); err != nil {
		return fmt.Errorf("%w %q: %w; give a branch, a full ref or a commit SHA", ErrBaseRef, base, err)
	}
	if strings.ContainsAny(base, "\n\x00") {
		return fmt.Errorf("%w %q: a ref holds no newline or NUL; give a branch, a full ref or a commit SHA", ErrBaseRef, base)
	}
	return nil
}

// resolveIn returns the first of baseRefs(base) that names a commit in b, under its own name
// (namesItself), and that commit.
func resolveIn(ctx context.Context, b *git.Objects, dir, base string) (ref, commit string, err error) {
	refs := baseRefs(base)
	for _, ref := range refs {
		obj, found, err := b.Get(ref + "^{commit}")
		if found && err == nil {
			found, err = namesItself(ctx, b, dir, ref)
		}
		switch {
		case git.Code(err) > 0:
			return "", "", fmt.Errorf("%w: %s: %w", ErrRepo, dir, err)
		case err != nil:
			return "", "", fmt.Errorf("resolve base ref %q in %s: %w", ref, dir, err)
		case found:
			return ref, obj.ID, nil
		}
	}
	return "", "", fmt.Errorf("%w %q: no %s in %s (a tag is never read for the policy; give a branch, a full ref or a commit SHA)", ErrBaseRef, base, strings.Join(refs, " or "), dir)
}

// readBlob returns the content of the file at path, from the repository root, in commit; found is
// false when the commit has no entry there. Anything but a regular file (a directory, a symlink,
// a submodule) is refused: the entry's mode is read from its directory's tree.
func readBlob(b *git.Objects, commit, path string) (data []byte, found bool, err error) {
	dir, name := "", path
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		dir, name = path[:i], path[i+1:]
	}
	tree, found, err := b.Get(commit + ":" + dir)
	if err != nil || !found || tree.Type != "tree" {
		return nil, false, err // no such directory, or a file where it would be
	}
	e, found, err := findEntry(tree.Data, name, len(commit)/2)
	if err != nil || !found {
		return nil, false, err
	}
	if !e.regular() {
		return nil, true, fmt.Errorf("%w: %s is not a regular file (%s)", ErrInvalid, path, e)
	}
	blob, found, err := b.Get(e.id)
	if err == nil && !found {
		err = fmt.Errorf("blob %s of %s is missing from the repository", e.id, path)
	}
	return blob.Data, true, err
}
