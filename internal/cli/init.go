package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/scaffold"
)

// initCmd writes the policy file and the caller workflows into a repository.
type initCmd struct {
	repo          string
	force, dryRun bool
}

func (*initCmd) Name() string { return "init" }
func (*initCmd) Synopsis() string {
	return "write .github/hotfix.yml and the hotfix and incident workflows, with the branches and verify steps detected"
}

func (c *initCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.repo, "repo", ".", "the git worktree `dir` to set up; the files go to its root")
	fs.BoolVar(&c.force, "force", false, "overwrite files that are there already")
	fs.BoolVar(&c.dryRun, "dry-run", false, "print what would be written, and write nothing")
}

func (c *initCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; give the repository with --repo", args[0]))
	}
	err := scaffold.Init(ctx, env.Stdout, env.Path(c.repo), c.force, c.dryRun)
	var exists *scaffold.ExistsError
	if errors.Is(err, scaffold.ErrNotRepository) || errors.As(err, &exists) {
		return Usage(err)
	}
	return err
}
