package config

import (
	"context"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/git"
)

// lookAlikes are the names git tries, after NAME itself, when it reads a full ref name such as
// refs/remotes/origin/main (see https://git-scm.com/docs/gitrevisions, <refname>): with the
// remote-tracking branch missing, a tag named refs/remotes/origin/main
// (refs/tags/refs/remotes/origin/main) would be read in its place.
var lookAlikes = []string{"refs/%s", "refs/tags/%s", "refs/heads/%s", "refs/remotes/%s", "refs/remotes/%s/HEAD"}

// namesItself reports whether the full ref in ref (ancestry steps aside) exists under that very
// name in b, not a look-alike git would read for it. Only when a look-alike exists does it start
// `git show-ref --verify`, which reads the name exactly; a checkout has none.
func namesItself(ctx context.Context, b *git.Objects, dir, ref string) (bool, error) {
	name, _ := splitAncestry(ref)
	if !strings.HasPrefix(name, "refs/") {
		return true, nil // a commit SHA
	}
	shadowed := false
	for _, f := range lookAlikes {
		_, found, err := b.Get(fmt.Sprintf(f, name))
		if err != nil {
			return false, err
		}
		shadowed = shadowed || found
	}
	if !shadowed {
		return true, nil
	}
	_, err := git.Output(ctx, dir, "show-ref", "--verify", "--quiet", name)
	if git.Code(err) == 1 {
		return false, nil
	}
	return err == nil, err
}
