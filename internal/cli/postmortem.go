package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
)

// postmortemCmd opens the postmortem of a merged hotfix, or of an incident, on its own.
type postmortemCmd struct {
	flags    stepFlags
	incident int
}

func (*postmortemCmd) Name() string { return "postmortem" }
func (*postmortemCmd) Synopsis() string {
	return "open the postmortem issue of a merged hotfix or an incident, filled in with its facts"
}

func (c *postmortemCmd) Flags(fs *flag.FlagSet) {
	c.flags.bind(fs)
	fs.IntVar(&c.incident, "incident", 0, "the incident issue `number`, for an incident with no hotfix PR")
}

func (c *postmortemCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; name the PR with --pr or the incident with --incident", args[0]))
	}
	if c.incident < 0 || (c.incident > 0 && c.flags.pr != 0) {
		return Usage(errors.New("give --pr N or --incident N, not both, and numbers above 0"))
	}
	if c.incident == 0 {
		return c.flags.run(ctx, env, route.PostmortemStep)
	}
	r, err := c.flags.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	return env.routed(event.Trigger{}, r).IncidentPostmortem(ctx, c.incident, c.flags.json)
}
