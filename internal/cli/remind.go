package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/remind"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
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
	return c.exec(ctx, env, r, r.policies())
}

// exec flags what is overdue, under the policy on the branch c.ref from policies.
func (c *remindCmd) exec(ctx context.Context, env *Env, r remote, policies *config.Resolver) error {
	f, err := scopeOf(ctx, env, r, policies, c.ref)
	if err != nil {
		return err
	}
	res, err := remind.Run(ctx, r.client, postmortem.Repo{Owner: r.owner, Name: r.name}, remind.SourcesFor(f.policy, f.login), remind.OptionsFor(f.policy), env.Now().UTC())
	if c.json {
		return errors.Join(err, writeJSON(env.Stdout, res))
	}
	res.WriteText(env.Stdout)
	rn := env.runner()
	for _, p := range res.Problems {
		rn.Annotate(runner.Annotation{Level: runner.Warning, Message: p})
	}
	return errors.Join(err, rn.SetOutput("posted", fmt.Sprint(res.Posted())), rn.Summary(res.Summary()))
}
