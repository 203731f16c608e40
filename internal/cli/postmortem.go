package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
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
	if c.incident > 0 {
		return c.forIncident(ctx, env)
	}
	d, pr, err := c.flags.prepare(ctx, env)
	if err != nil {
		return err
	}
	res, err := d.Postmortem(ctx, pr)
	return c.flags.report(env, "postmortem", pr, res, err)
}

// forIncident opens the postmortem of an incident from its log alone.
func (c *postmortemCmd) forIncident(ctx context.Context, env *Env) error {
	r, err := c.flags.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	branch, err := gh.DefaultBranch(ctx, r.client, r.owner, r.name)
	if err != nil {
		return err
	}
	policy, _, err := readPolicy(ctx, r.policies(), branch)
	if err != nil {
		return err
	}
	d := merge.Deps{Client: r.client, Owner: r.owner, Name: r.name, Policy: policy, Now: env.Now}
	if d.Template, err = r.template(ctx, policy.Postmortem.Template, branch); err != nil {
		return err
	}
	if d.Identity, err = r.who.Login(ctx, policy.Incident.Identity); err != nil {
		return err
	}
	res, err := d.IncidentPostmortem(ctx, c.incident)
	return c.flags.report(env, "postmortem", nil, res, err)
}
