package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
)

// runCmd is the one entry an action needs: it loads the event that started the workflow, routes
// it, and runs the commands the route names. An event the toolkit does not handle is a no-op.
type runCmd struct {
	dryRun, json                 bool
	repo, config, only, severity string
}

func (*runCmd) Name() string { return "run" }
func (*runCmd) Synopsis() string {
	return "handle the GitHub event that started the workflow with the commands it calls for"
}

func (c *runCmd) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.dryRun, "dry-run", false, "print the route and what each command would do (a merge's plan), and write nothing")
	fs.BoolVar(&c.json, "json", false, "print the event, the route and the merge's plan or result as one JSON document; the log goes to stderr")
	fs.StringVar(&c.repo, "repo", ".", "the git checkout `dir`, for the policy and the guard")
	fs.StringVar(&c.config, "config", "", "read the policy from this `file` instead of the base branch's "+config.DefaultPath)
	fs.StringVar(&c.only, "only", "", "handle only events of this route `kind` (guard, merge, declare, update, action-items or remind); others are a no-op")
	fs.StringVar(&c.severity, "severity", "", "the hotfix's `severity` (P0 to P3) for the guard's limits and the merge, when its PR has no severity/P* label")
}

func (c *runCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; run takes the event from GITHUB_EVENT_NAME and GITHUB_EVENT_PATH", args[0]))
	}
	if _, err := event.Only(event.Decision{Kind: event.None}, c.only); err != nil {
		return Usage(err)
	}
	t, err := env.loadEvent()
	if err != nil {
		return Usage(err)
	}
	if c.json {
		doc := &runReport{Event: t.Name, Repository: t.Repo.String(), DryRun: c.dryRun, Route: event.None}
		err := c.route(ctx, logToStderr(env), t, doc)
		return errors.Join(err, writeJSON(env.Stdout, doc))
	}
	return c.route(ctx, env, t, nil)
}

// route chooses the event's route under the routing policy and runs it; doc, when not nil,
// gathers the JSON document.
func (c *runCmd) route(ctx context.Context, env *Env, t event.Trigger, doc *runReport) error {
	fmt.Fprintf(env.Stdout, "event: %s on %s\n", t.Name, t.Repo)
	if c.only != "" && !event.Reachable(t, event.Kind(c.only)) {
		fmt.Fprintf(env.Stdout, "route: none: a %s event never routes to %s, and this step handles only %s: nothing to do\n", t.Name, c.only, c.only)
		return nil
	}
	opts := c.options(env, t)
	opts.Report = doc
	var err error
	if opts.Policy, err = routingPolicy(ctx, env, t, opts.Policies); err != nil {
		return err
	}
	d, err := event.Only(event.Route(t, opts.Policy), c.only)
	if err != nil {
		return Usage(err)
	}
	fmt.Fprintf(env.Stdout, "route: %s: %s\n", d.Kind, d.Reason)
	if doc != nil {
		doc.Route, doc.Reason, doc.Commands = d.Kind, d.Reason, d.Commands
	}
	return dispatch(ctx, env, t, d, opts)
}

// options builds the run's one value: the trigger's connection to GitHub, made on first use,
// and the one policy resolver that every command of the run reads its policy from.
func (c *runCmd) options(env *Env, t event.Trigger) runOptions {
	opts := runOptions{DryRun: c.dryRun, Repo: env.Path(c.repo), Severity: c.severity,
		GitHub: &connection{flags: remoteFlags{repository: t.Repo.String(), apiURL: t.APIURL}, env: env}}
	var remote config.RemoteFile
	if hasToken(env) {
		remote = opts.GitHub.file
	}
	opts.Policies = checkoutPolicies(env, c.config, c.repo, remote)
	return opts
}

// runOptions is what run hands to each command it calls: one value per run.
type runOptions struct {
	DryRun bool
	// Repo is the checkout, for the guard without a token.
	Repo string
	// Severity is the severity input, for the guard's limits and the merge.
	Severity string
	// Policy is the policy the route was chosen under; Policies answers every other read of the
	// policy in the run, in the one order (config.Resolver), each base once.
	Policy   config.Policy
	Policies *config.Resolver
	// GitHub is the run's one client, connected on first use.
	GitHub *connection
	// Report is the JSON document under --json, which the route fills in; nil without it.
	Report *runReport
}

// runReport is what `hotfix run --json` prints: one document.
type runReport struct {
	Event      string        `json:"event"`
	Repository string        `json:"repository"`
	DryRun     bool          `json:"dry_run"`
	Route      event.Kind    `json:"route"`
	Reason     string        `json:"reason,omitempty"`
	Commands   []string      `json:"commands,omitempty"`
	Plan       *merge.Plan   `json:"plan,omitempty"`
	Result     *merge.Result `json:"result,omitempty"`
}

// logToStderr is env with the log and the workflow commands sent to stderr, so that stdout
// carries only the JSON document; the runner reads workflow commands from both.
func logToStderr(env *Env) *Env {
	e := *env
	e.Stdout = env.Stderr
	return &e
}

// handler runs one route for a trigger.
type handler func(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error

// handlers maps each route kind to the Go entry point that runs it, with typed options. Wiring
// a new route into `hotfix run` is one line here, and a test checks that every kind has one.
var handlers = map[event.Kind]handler{
	event.Guard:       runGuard,
	event.Merge:       runMerge,
	event.Declare:     runIncident(event.Declare),
	event.Update:      runIncident(event.Update),
	event.ActionItems: runActionItems,
	event.Remind:      runRemind,
	event.Deploy:      runDeploy,
}

// dispatch runs the decision's route.
func dispatch(ctx context.Context, env *Env, t event.Trigger, d event.Decision, opts runOptions) error {
	if d.Kind == event.None {
		return nil
	}
	fmt.Fprintf(env.Stdout, "running hotfix %s\n", strings.Join(d.Commands, ", "))
	return handlers[d.Kind](ctx, env, t, opts) // every kind has one: TestEveryRouteHasAHandler
}

// hasToken reports whether the run has a GitHub token.
func hasToken(env *Env) bool {
	return env.token() != ""
}

// routingPolicy is the policy the route is chosen under, from the run's resolver (the override
// file, the base branch in the checkout, then through the API). When none of them can be read
// (a workflow with no actions/checkout and no token, or an API error), routing uses the default
// branch names and labels and says so; each command still needs the policy, and fails on what
// it can't read. An invalid policy is an error: every command would fail on it.
func routingPolicy(ctx context.Context, env *Env, t event.Trigger, res *config.Resolver) (config.Policy, error) {
	if t.BaseRef() == "" && res.File == "" {
		fmt.Fprintln(env.Stdout, "policy: defaults for routing (the payload names no base branch)")
		return config.Default(), nil
	}
	p, src, err := readPolicy(ctx, res, t.BaseRef())
	switch {
	case err == nil && src.API:
		fmt.Fprintf(env.Stdout, "policy: %s (through the API)\n", src)
		return p, nil
	case err == nil:
		fmt.Fprintf(env.Stdout, "policy: %s\n", src)
		return p, nil
	case errors.Is(err, config.ErrRemote):
		warn(env, fmt.Sprintf("routing with the default policy: %v", err))
	case errors.Is(err, config.ErrNoPolicy):
		fmt.Fprintf(env.Stdout, "policy: defaults for routing (%v)\n", err)
	default:
		return config.Policy{}, err
	}
	return config.Default(), nil
}

// runLocalGuard checks the hotfix range of a push or a pull request with the guard on the
// checkout: runGuard's way when there is no token.
func runLocalGuard(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	base, head := t.GuardRange(opts.Policy.Branches.Production)
	c := &guardCmd{base: base, head: head, repo: opts.Repo, severity: opts.Severity}
	if err := c.validate(nil); err != nil {
		return Usage(err)
	}
	return c.check(ctx, env, opts.Policies)
}
