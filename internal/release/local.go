package release

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrLocal marks a local repository or ref that can't be read: not a repository, or a base that
// names no commit. It is the user's input that is wrong.
var ErrLocal = errors.New("local repository")

// LocalFacts reads the facts for a dry run from the git repository in dir (a worktree or a bare
// repository), with base's commit as the target: the tags base contains (git tag --merged), the
// tags at its commit, and every tag.
func LocalFacts(ctx context.Context, dir, base string) (Facts, error) {
	if base == "" || strings.HasPrefix(base, "-") {
		return Facts{}, fmt.Errorf("%w: base %q is not a ref; give a branch, tag or commit", ErrLocal, base)
	}
	sha, err := git(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", base+"^{commit}")
	if err != nil {
		return Facts{}, fmt.Errorf("%w: base %q names no commit in %s: %v", ErrLocal, base, dir, err)
	}
	f := Facts{Base: base, Target: strings.TrimSpace(sha)}
	for _, q := range []struct {
		dst  *[]string
		args []string
	}{
		{&f.Contained, []string{"--merged", f.Target}},
		{&f.AtTarget, []string{"--points-at", f.Target}},
		{&f.Existing, nil},
		{&f.Containing, []string{"--contains", f.Target}},
	} {
		out, err := git(ctx, dir, append([]string{"tag", "--list"}, q.args...)...)
		if err != nil {
			return Facts{}, fmt.Errorf("list tags in %s: %w", dir, err)
		}
		*q.dst = strings.Fields(out)
	}
	return f, nil
}

// git runs the git CLI in dir with an explicit argv, and returns its standard output.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", fmt.Errorf("git %s: %s", args[0], strings.TrimPrefix(msg, "fatal: "))
		}
		return "", fmt.Errorf("git %s: %w", args[0], err)
	}
	return string(out), nil
}
