package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/localguard"
)

// guardCmd checks a hotfix branch against the minimal-change policy of its base branch, on a
// checkout: what cmd/hotfix-guard does alone (internal/localguard).
type guardCmd struct{ flags localguard.Flags }

func (*guardCmd) Name() string             { return "guard" }
func (*guardCmd) Synopsis() string         { return localguard.Synopsis }
func (c *guardCmd) Flags(fs *flag.FlagSet) { c.flags.Define(fs) }

func (c *guardCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; give refs with --base and --head", args[0]))
	}
	check, err := c.flags.Check(env.Dir)
	if err != nil {
		return err
	}
	// The guard on a checkout never connects: the run has no GitHub connection.
	r := env.run(event.Trigger{}, nil, c.flags.Policies(env.Dir))
	return localguard.Run(ctx, check, localguard.Env{ReadPolicy: r.ReadPolicy, Out: r.Out, Runner: r.Runner})
}
