package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"

	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// actionItemsCmd keeps a postmortem's Action Items table true, or turns the rows people typed
// into it into issues.
type actionItemsCmd struct {
	postmortem  int
	json        bool
	ref         string
	requestedBy string
	remote      remoteFlags
}

// actionItemsActions are the subcommands of action-items.
var actionItemsActions = []string{"sync", "create"}

func (*actionItemsCmd) Name() string { return "action-items" }
func (*actionItemsCmd) Synopsis() string {
	return "sync: regenerate a postmortem's Action Items table from its items; create: turn its typed rows into issues"
}

func (c *actionItemsCmd) Flags(fs *flag.FlagSet) {
	fs.IntVar(&c.postmortem, "postmortem", 0, "the postmortem issue's `number`")
	fs.BoolVar(&c.json, "json", false, "print the result as JSON")
	fs.StringVar(&c.ref, "ref", "", "read the policy from this `branch` (default $GITHUB_REF_NAME, else main)")
	fs.StringVar(&c.requestedBy, "requested-by", "", "the `login` that asked for create; it needs write access or above")
	c.remote.bind(fs)
}

func (c *actionItemsCmd) Run(ctx context.Context, env *Env, args []string) error {
	switch {
	case len(args) != 1 || !slices.Contains(actionItemsActions, args[0]):
		return Usage(fmt.Errorf("action-items takes one of %v, then --postmortem N", actionItemsActions))
	case c.postmortem <= 0:
		return Usage(errors.New("--postmortem is required: the postmortem issue's number"))
	}
	r, err := c.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	return c.exec(ctx, env, args[0], r, r.policies())
}

// exec syncs the postmortem's table, or creates its typed rows' issues, with the policy on the
// branch c.ref from policies.
func (c *actionItemsCmd) exec(ctx context.Context, env *Env, action string, r remote, policies *config.Resolver) error {
	if ok, err := gh.MayWrite(ctx, r.client, r.owner, r.name, c.requestedBy); err != nil || !ok {
		fmt.Fprintf(env.Stdout, "%s may not create action items: it takes write access to the repository; nothing changed\n", c.requestedBy)
		return err
	}
	policy, err := followupPolicy(ctx, env, policies, c.ref)
	if err != nil {
		return err
	}
	do := actionitem.Sync
	if action == "create" {
		do = actionitem.Create
	}
	opts := actionitem.OptionsFor(policy)
	opts.Author = r.who.Author(policy.Incident.Identity)
	res, err := do(ctx, r.client, postmortem.Repo{Owner: r.owner, Name: r.name}, opts, env.Now().UTC(), c.postmortem)
	if err != nil {
		return err
	}
	return c.report(env, res)
}

// report prints the result and sets the outputs.
func (c *actionItemsCmd) report(env *Env, res actionitem.Result) error {
	if c.json {
		return writeJSON(env.Stdout, res)
	}
	fmt.Fprintln(env.Stdout, res.Line())
	rn := env.runner()
	return errors.Join(setOutputs(rn, "action-items", res.Outputs()), rn.Summary(res.Summary()))
}
