package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

// remindCmd flags what is overdue: incident updates, postmortems and action items.
type remindCmd struct {
	json   bool
	ref    string
	remote remoteFlags
}

func (*remindCmd) Name() string { return "remind" }
func (*remindCmd) Synopsis() string {
	return "flag overdue incident updates, postmortems and action items on their issues, once per window"
}

func (c *remindCmd) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.json, "json", false, "print the result as JSON")
	fs.StringVar(&c.ref, "ref", "", "read the policy from this `branch` (default $GITHUB_REF_NAME, else main)")
	c.remote.bind(fs)
}

func (c *remindCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; remind takes no arguments", args[0]))
	}
	r, err := c.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	return env.routed(event.Trigger{}, r).Remind(ctx, c.ref, c.json)
}
