package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

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
	now := env.Now().UTC()
	since, err := parseSince(c.since, now)
	if err != nil {
		return Usage(err)
	}
	r, err := c.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	policy, err := followupPolicy(ctx, env, r.policies(), c.ref)
	if err != nil {
		return err
	}
	identity, err := logIdentity(ctx, r, policy, env)
	if err != nil {
		return err
	}
	src := metrics.Sources{IncidentLabel: policy.Incident.Label, PostmortemLabel: policy.Postmortem.Label, Items: itemOptions(policy), Identity: identity}
	history, err := metrics.Load(ctx, r.client, postmortem.Repo{Owner: r.owner, Name: r.name}, src, since)
	if err != nil {
		return err
	}
	rep := metrics.Build(history, since, now)
	if c.json {
		return writeJSON(env.jsonOut(), rep)
	}
	fmt.Fprint(env.Stdout, metrics.Text(rep))
	return runner.New(env.Getenv, env.Stdout).Summary(metrics.Markdown(rep))
}

// parseSince reads a window: "90d", "12h", or a date (YYYY-MM-DD, UTC midnight).
func parseSince(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d, nil
	}
	units := map[string]time.Duration{"d": 24 * time.Hour, "h": time.Hour}
	for suffix, unit := range units {
		if num, ok := strings.CutSuffix(s, suffix); ok {
			if n, err := strconv.Atoi(num); err == nil && n > 0 {
				return now.Add(-time.Duration(n) * unit), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("--since %q is not a window; use Nd (90d), Nh (12h) or a date (2026-01-31)", s)
}
