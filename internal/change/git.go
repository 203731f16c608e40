package change

import (
	"context"

	"github.com/incident-hotfix/incident-hotfix/internal/git"
)

// repo runs the git CLI (internal/git) in one repository directory, a worktree or a bare
// repository.
type repo struct{ dir string }

// output runs git and returns its standard output.
func (g repo) output(ctx context.Context, args ...string) ([]byte, error) {
	out, err := git.Output(ctx, g.dir, args...)
	if err != nil {
		return nil, err
	}
	return out, nil
}
