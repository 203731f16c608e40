package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/deploy"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/notify"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
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
	t, err := env.loadEvent()
	if err != nil {
		return Usage(err)
	}
	r, err := c.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	return c.exec(ctx, env, t, event.Kind(args[0]), r, r.policies())
}

// exec runs the subcommand sub for the trigger, with the policy from policies.
func (c *incidentCmd) exec(ctx context.Context, env *Env, t event.Trigger, sub event.Kind, r remote, policies *config.Resolver) error {
	s, err := incidentStep(ctx, env, t, r, policies)
	if err != nil {
		return err
	}
	if sub == event.Declare {
		return c.declare(ctx, env, t, s)
	}
	return c.update(ctx, env, t, s)
}

// declare opens the incident: the flags, else the dispatch inputs and the runner's variables,
// checked first (incident.DeclarationFrom).
func (c *incidentCmd) declare(ctx context.Context, env *Env, t event.Trigger, s incident.Step) error {
	given := incident.Given{Declaration: c.decl, ImpactStarted: c.impactStart, CreateBranch: c.createBranch}
	d, err := incident.DeclarationFrom(given, t.Inputs, t.Actor, t.RunID, s.Options.Scale, env.Now().UTC())
	if err != nil {
		return Usage(err)
	}
	got, err := s.Declare(ctx, d)
	if err != nil {
		return err
	}
	return c.print(env, got, got.Line())
}

// update applies the /command in the comment that started the run.
func (c *incidentCmd) update(ctx context.Context, env *Env, t event.Trigger, s incident.Step) error {
	comment, ok := t.IncidentCommand(s.Options.Label)
	if !ok {
		return Usage(fmt.Errorf("hotfix incident update runs on an issue_comment created on an issue labelled %s, whose body starts with /", s.Options.Label))
	}
	issue := t.IssueComment.GetIssue()
	got, err := s.Update(ctx, issue.GetNumber(), issue.GetHTMLURL(), comment)
	if err != nil {
		return err
	}
	return c.print(env, got, got.Line(issue.GetNumber()))
}

// runIncident is the `hotfix run` entry point of an incident subcommand.
func runIncident(sub event.Kind) handler {
	return func(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
		if opts.DryRun {
			fmt.Fprintf(env.Stdout, "would run hotfix incident %s\n", sub)
			return nil
		}
		r, err := opts.GitHub.get(ctx)
		if err != nil {
			return err
		}
		c := &incidentCmd{decl: incident.Declaration{Severity: opts.Severity}}
		return c.exec(ctx, env, t, sub, r, opts.Policies)
	}
}

// incidentStep reads the policy from the default branch (the one the payload names, else the
// repository's), and wires the incident commands' step: the options with the log's identity,
// and the webhook, masked.
func incidentStep(ctx context.Context, env *Env, t event.Trigger, r remote, policies *config.Resolver) (incident.Step, error) {
	branch := t.BaseRef()
	if branch == "" {
		var err error
		if branch, err = gh.DefaultBranch(ctx, r.client, r.owner, r.name); err != nil {
			return incident.Step{}, err
		}
	}
	p, _, err := readPolicy(ctx, policies, branch)
	if err != nil {
		return incident.Step{}, err
	}
	opts, err := incidentOptions(ctx, r, p, env)
	hook := notify.Webhook{URL: strings.TrimSpace(env.Getenv("INPUT_NOTIFY_WEBHOOK"))}
	if hook.Enabled() {
		env.runner().Mask(hook.URL)
	}
	return incident.Step{Client: r.client, Repo: incident.Repo{Owner: r.owner, Name: r.name}, Options: opts, Runner: env.runner(),
		Webhook: hook, Warn: func(msg string) { warn(env, msg) }}, err
}

// incidentOptions are the incident package's options from the policy, with the login the
// toolkit writes the log as: the policy's incident.identity, else the identity input, else
// GitHub's GraphQL viewer, asked once per run.
func incidentOptions(ctx context.Context, r remote, p config.Policy, env *Env) (incident.Options, error) {
	id, err := r.who.Login(ctx, p.Incident.Identity)
	o := incident.OptionsFor(p, id, env.Now)
	return deploy.ForIncident(o, r.client, deploy.Repo{Owner: r.owner, Name: r.name}, p), err
}

// warn prints a warning, as an annotation inside an action.
func warn(env *Env, msg string) {
	if r := env.runner(); r.Active() {
		r.Annotate(runner.Annotation{Level: runner.Warning, Message: msg})
		return
	}
	fmt.Fprintln(env.Stderr, "warning: "+msg)
}

// print writes a result as JSON with --json, else as the line given.
func (c *incidentCmd) print(env *Env, v any, line string) error {
	if !c.json {
		_, err := fmt.Fprintln(env.Stdout, line)
		return err
	}
	return writeJSON(env.Stdout, v)
}
