package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	metrics "github.com/incident-hotfix/incident-hotfix/internal/report"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// reportCmd prints the incident metrics per severity, each with its definition.
type reportCmd struct {
	since  string
	json   bool
	ref    string
	remote remoteFlags
}

func (*reportCmd) Name() string { return "report" }
func (*reportCmd) Synopsis() string {
	return "incident metrics per severity (time to acknowledge, mitigate, resolve, postmortem; items on time), with definitions"
}

func (c *reportCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.since, "since", "90d", "the `window`: incidents declared in the last Nd, or Nh, or since a date YYYY-MM-DD")
	fs.BoolVar(&c.json, "json", false, "print the report as JSON")
	fs.StringVar(&c.ref, "ref", "", "read the policy from this `branch` (default $GITHUB_REF_NAME, else main)")
	c.remote.bind(fs)
}

func (c *reportCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; give the window with --since", args[0]))
	}
	f, since, now, err := c.remote.scopeSince(ctx, env, c.ref, c.since)
	if err != nil {
		return err
	}
	history, err := metrics.Load(ctx, f.Client, postmortem.Repo{Owner: f.Owner, Name: f.Name}, metrics.SourcesFor(f.Policy, f.Login), since)
	if err != nil {
		return err
	}
	rep := metrics.Build(history, since, now)
	if c.json {
		return runner.WriteJSON(env.Stdout, rep)
	}
	fmt.Fprint(env.Stdout, metrics.Text(rep))
	return env.runner().Summary(metrics.Markdown(rep))
}
