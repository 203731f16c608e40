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
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
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
	if ok, err := mayWrite(ctx, r, c.requestedBy); err != nil || !ok {
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
	res, err := do(ctx, r.client, postmortem.Repo{Owner: r.owner, Name: r.name}, itemOptions(policy), env.Now().UTC(), c.postmortem)
	if err != nil {
		return err
	}
	return c.report(env, res)
}

// report prints the result and sets the outputs.
func (c *actionItemsCmd) report(env *Env, res actionitem.Result) error {
	if c.json {
		return writeJSON(env.jsonOut(), res)
	}
	fmt.Fprintln(env.Stdout, itemsLine(res))
	rn := runner.New(env.Getenv, env.Stdout)
	return errors.Join(rn.SetOutput("changed", fmt.Sprint(res.Changed)), rn.SetOutput("all_closed", fmt.Sprint(res.AllClosed)),
		rn.Summary(fmt.Sprintf("### Action items\n\n%s\n", itemsLine(res))))
}

// itemsLine says what a sync found and did, in one line.
func itemsLine(res actionitem.Result) string {
	what := "unchanged"
	if res.Changed {
		what = "updated"
	}
	open := res.Open + res.Overdue
	line := fmt.Sprintf("postmortem #%d: %s, %d open (%d overdue), %d closed; %s without an issue; table %s",
		res.Postmortem, count(res.Items, "action item"), open, res.Overdue, res.Items-open, count(res.Pending, "typed row"), what)
	if len(res.Created) > 0 {
		line += fmt.Sprintf("; created %v", res.Created)
	}
	if res.AllClosed {
		line += "; every item is closed"
	}
	return line
}

// followupPolicy reads the policy the follow-up commands run under, on the branch ref.
func followupPolicy(ctx context.Context, env *Env, policies *config.Resolver, ref string) (config.Policy, error) {
	ref = firstSet(ref, env.Getenv("GITHUB_REF_NAME"), "main")
	p, source, err := readPolicy(ctx, policies, ref)
	if err != nil {
		return config.Policy{}, err
	}
	fmt.Fprintf(env.Stdout, "policy: %s\n", source)
	return p, nil
}

// itemOptions are the action-item settings of the policy: its label, and the due days of the
// severity scale.
func itemOptions(p config.Policy) actionitem.Options {
	days := map[string]int{}
	for _, sev := range severityScale(p) {
		days[sev.Name] = sev.DueDays
	}
	return actionitem.Options{Label: p.Postmortem.ActionLabel, DueDays: days}
}

// severityScale is the severity scale under the policy: the default scale, with the cadence and
// action-item due days of the policy's incident section.
func severityScale(p config.Policy) incident.Scale {
	return incident.Severities.With(p.Incident.Cadences(), p.Incident.ActionItemDueDays)
}

// mayWrite reports whether login has write access or above; true when no login is named (a
// person at a terminal, with their own token).
func mayWrite(ctx context.Context, r remote, login string) (bool, error) {
	if login == "" {
		return true, nil
	}
	p, err := gh.Permission(ctx, r.client, r.owner, r.name, login)
	return gh.CanWrite(p), err
}
