package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// incidentSubcommands are the words `hotfix incident` takes: the names of their routes.
var incidentSubcommands = []event.Kind{event.Declare, event.Update}

// incidentCmd runs the incident: `declare` opens one from a workflow_dispatch, and `update`
// applies a command from an issue comment on it.
type incidentCmd struct {
	decl         incident.Declaration
	impactStart  string
	createBranch string
	json         bool
	remote       remoteFlags
}

func (*incidentCmd) Name() string { return "incident" }
func (*incidentCmd) Synopsis() string {
	return "declare an incident (declare), or apply a /command from a comment on one (update)"
}

func (c *incidentCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.decl.Title, "title", "", "declare: the incident's `title` (default the dispatch input)")
	fs.StringVar(&c.decl.Severity, "severity", "", "declare: the `severity`, P0 to P3 (default the dispatch input)")
	fs.StringVar(&c.decl.Service, "service", "", "declare: the affected `service`")
	fs.StringVar(&c.decl.Impact, "impact", "", "declare: who is affected and how (`text`)")
	fs.StringVar(&c.decl.Commander, "commander", "", "declare: the incident commander's `login` (default $GITHUB_ACTOR)")
	fs.StringVar(&c.impactStart, "impact-started", "", "declare: when the impact started, RFC 3339 (`time`)")
	fs.StringVar(&c.createBranch, "create-branch", "", "declare: true to cut hotfix/<slug> from the production branch (`bool`)")
	fs.BoolVar(&c.json, "json", false, "print the result as JSON")
	c.remote.bind(fs)
}

func (c *incidentCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) != 1 || !slices.Contains(incidentSubcommands, event.Kind(args[0])) {
		return Usage(fmt.Errorf("hotfix incident needs one subcommand, got %q; valid subcommands: declare, update", strings.Join(args, " ")))
	}
	t, err := incidentTrigger(env, event.Kind(args[0]))
	if err != nil {
		return Usage(err)
	}
	r, err := c.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	run := env.routed(t, r)
	if event.Kind(args[0]) == event.Declare {
		return run.Declare(ctx, incident.Given{Declaration: c.decl, ImpactStarted: c.impactStart, CreateBranch: c.createBranch}, c.json)
	}
	return run.Update(ctx, c.json)
}

// incidentTrigger is the event that started the run. A declaration typed at a terminal has none
// (no GITHUB_EVENT_NAME): it takes everything from its flags, and the commander from
// --commander or $GITHUB_ACTOR.
func incidentTrigger(env *Env, sub event.Kind) (event.Trigger, error) {
	if sub == event.Declare && env.Getenv("GITHUB_EVENT_NAME") == "" {
		return event.Trigger{Actor: env.Getenv("GITHUB_ACTOR")}, nil
	}
	return env.loadEvent()
}
