package release

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/git"
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
	sha, err := gitText(ctx, dir, "rev-parse", "--verify", "--quiet", "--end-of-options", base+"^{commit}")
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
		out, err := gitText(ctx, dir, append([]string{"tag", "--list"}, q.args...)...)
		if err != nil {
			return Facts{}, fmt.Errorf("list tags in %s: %w", dir, err)
		}
		*q.dst = strings.Fields(out)
	}
	return f, nil
}

// gitText runs git in dir (internal/git) and returns its standard output as text.
func gitText(ctx context.Context, dir string, args ...string) (string, error) {
	out, err := git.Output(ctx, dir, args...)
	return string(out), err
}
