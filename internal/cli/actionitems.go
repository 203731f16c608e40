package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
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
	a := route.ActionItems{Action: args[0], Postmortem: c.postmortem, Ref: c.ref, RequestedBy: c.requestedBy}
	return env.routed(event.Trigger{}, r).ActionItems(ctx, a, c.json)
}
