package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/route"
)

// backportCmd opens the backports of a merged hotfix on their own.
type backportCmd struct{ flags stepFlags }

func (*backportCmd) Name() string { return "backport" }
func (*backportCmd) Synopsis() string {
	return "open the backport PRs of a merged hotfix (develop, or the open release branches)"
}

func (c *backportCmd) Flags(fs *flag.FlagSet) { c.flags.bind(fs) }

func (c *backportCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; name the PR with --pr", args[0]))
	}
	return c.flags.run(ctx, env, route.BackportStep)
}
