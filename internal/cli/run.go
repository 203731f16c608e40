package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
)

// runCmd is the one entry an action needs: it loads the event that started the workflow, routes
// it, and runs the commands the route names. An event the toolkit does not handle is a no-op.
type runCmd struct {
	dryRun             bool
	repo, config, only string
}

func (*runCmd) Name() string { return "run" }
func (*runCmd) Synopsis() string {
	return "handle the GitHub event that started the workflow with the commands it calls for"
}

func (c *runCmd) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.dryRun, "dry-run", false, "print the route and what each command would do, and write nothing")
	fs.StringVar(&c.repo, "repo", ".", "the git checkout `dir`, for the policy and the guard")
	fs.StringVar(&c.config, "config", "", "read the policy from this `file` instead of the base branch's "+config.DefaultPath)
	fs.StringVar(&c.only, "only", "", "handle only events of this route `kind` (guard, merge, declare, update, action-items or remind); others are a no-op")
}

func (c *runCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; run takes the event from GITHUB_EVENT_NAME and GITHUB_EVENT_PATH", args[0]))
	}
	if _, err := onlyRoute(event.Decision{Kind: event.None}, c.only); err != nil {
		return Usage(err)
	}
	t, err := event.Load(env.Getenv, func(p string) ([]byte, error) { return os.ReadFile(env.Path(p)) })
	if err != nil {
		return Usage(err)
	}
	fmt.Fprintf(env.Stdout, "event: %s on %s\n", t.Name, t.Repo)
	if c.only != "" && !event.Reachable(t, event.Kind(c.only)) {
		fmt.Fprintf(env.Stdout, "route: none: a %s event never routes to %s, and this step handles only %s: nothing to do\n", t.Name, c.only, c.only)
		return nil
	}
	opts := runOptions{DryRun: c.dryRun, Repo: env.Path(c.repo), Config: env.Path(c.config)}
	if opts.Policy, opts.PolicySource, err = c.policy(ctx, env, t, opts); err != nil {
		return err
	}
	if opts.PolicySource != "" && opts.Config == "" {
		opts.PolicyRef = t.BaseRef()
	}
	d, err := onlyRoute(event.Route(t, opts.Policy), c.only)
	if err != nil {
		return Usage(err)
	}
	fmt.Fprintf(env.Stdout, "route: %s: %s\n", d.Kind, d.Reason)
	return dispatch(ctx, env, t, d, opts)
}

// runOptions is what run hands to each command it calls.
type runOptions struct {
	DryRun bool
	// Repo is the checkout, and Config the override policy file ("" for the base branch's).
	Repo, Config string
	// Policy is the policy the route was chosen under, PolicySource where it came from, and
	// PolicyRef the branch it was read from ("" for the override file or the defaults).
	Policy                  config.Policy
	PolicySource, PolicyRef string
}

// handler runs one command for a trigger.
type handler func(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error

// handlers maps each command a route can name to the function that runs it. Wiring a new
// command into `hotfix run` is one line here; a command not listed yet is only reported as
// "would run" under --dry-run.
var handlers = map[string]handler{
	"guard":             runGuard,
	"action-items sync": runActionItems,
	"remind":            runRemind,
	"incident declare":  runIncident("declare"),
	"incident update":   runIncident("update"),
}

// routeHandlers run a whole route at once, when its commands share what they make: the merge's
// tag is named by its backports, and both by its postmortem.
var routeHandlers = map[event.Kind]handler{
	event.Merge: runMerge,
}

// dispatch runs the decision's commands in order, stopping at the first error.
func dispatch(ctx context.Context, env *Env, t event.Trigger, d event.Decision, opts runOptions) error {
	if d.Kind == event.None {
		return nil
	}
	if h, ok := routeHandlers[d.Kind]; ok {
		fmt.Fprintf(env.Stdout, "running hotfix %s\n", strings.Join(d.Commands, ", "))
		return h(ctx, env, t, opts)
	}
	var missing []string
	for _, name := range d.Commands {
		h, ok := handlers[name]
		if !ok {
			missing = append(missing, "hotfix "+name)
			if opts.DryRun {
				fmt.Fprintf(env.Stdout, "would run hotfix %s\n", name)
			}
			continue
		}
		fmt.Fprintf(env.Stdout, "running hotfix %s\n", name)
		if err := h(ctx, env, t, opts); err != nil {
			return err
		}
	}
	if len(missing) > 0 && !opts.DryRun {
		return fmt.Errorf("route %s needs %s, which this build does not have yet; rerun with --dry-run to see the route only", d.Kind, strings.Join(missing, ", "))
	}
	return nil
}

// policy loads the policy the route is chosen under: the override file, else the policy file on
// the trigger's base branch in the checkout. Without a checkout that has the base branch (a
// workflow that runs no actions/checkout), routing uses the default branch names and says so;
// each command still loads and checks the policy itself.
func (c *runCmd) policy(ctx context.Context, env *Env, t event.Trigger, opts runOptions) (config.Policy, string, error) {
	if opts.Config != "" {
		p, src, err := config.Load(ctx, opts.Repo, "", opts.Config)
		return p, src.String(), Usage(err)
	}
	base := t.BaseRef()
	var why error = errors.New("the payload names no base branch")
	for _, ref := range baseRefs(base) {
		p, src, err := config.Load(ctx, opts.Repo, ref, "")
		if err == nil {
			fmt.Fprintf(env.Stdout, "policy: %s\n", src)
			return p, src.String(), nil
		}
		// The container has no git (exec.ErrNotFound): read the policy through the API instead.
		if !errors.Is(err, config.ErrBaseRef) && !errors.Is(err, config.ErrRepo) && !errors.Is(err, exec.ErrNotFound) {
			return config.Policy{}, "", Usage(err)
		}
		why = err
	}
	if p, src, ok, err := c.apiPolicy(ctx, env, t, base); ok || err != nil {
		return p, src, err
	}
	fmt.Fprintf(env.Stdout, "policy: defaults for routing (%v)\n", why)
	return config.Default(), "", nil
}

// apiPolicy reads the base branch's policy through the API when there is no checkout but there is
// a token, so a container action routes by the repository's own labels and branch names. It
// reports false when it can't read it (no token, an API error: the commands read the policy
// themselves then, and fail on what they can't read); an invalid policy is returned as an error.
func (c *runCmd) apiPolicy(ctx context.Context, env *Env, t event.Trigger, base string) (config.Policy, string, bool, error) {
	if base == "" || firstSet(env.Getenv("INPUT_TOKEN"), env.Getenv("GITHUB_TOKEN")) == "" {
		return config.Policy{}, "", false, nil
	}
	rf := remoteFlags{repository: t.Repo.String(), apiURL: t.APIURL}
	r, err := rf.connect(ctx, env)
	if err != nil {
		return config.Policy{}, "", true, err
	}
	p, src, err := r.policy(ctx, base)
	if IsUsage(err) {
		return config.Policy{}, "", true, err // the policy itself is wrong: every command would fail on it
	}
	if err != nil {
		warn(env, fmt.Sprintf("routing with the default policy: %v", err))
		return config.Policy{}, "", false, nil
	}
	fmt.Fprintf(env.Stdout, "policy: %s (through the API)\n", src)
	return p, src, true, nil
}

// baseRefs are the refs that may hold the base branch in a checkout: the remote-tracking branch
// that actions/checkout fetches, then a local branch.
func baseRefs(base string) []string {
	if base == "" {
		return nil
	}
	return []string{"origin/" + base, base}
}

// runLocalGuard checks the hotfix range of a push or a pull request with `hotfix guard` on the
// checkout: runGuard's way when there is no token.
func runLocalGuard(ctx context.Context, env *Env, t event.Trigger, opts runOptions) error {
	base, head := guardRange(t, opts.Policy.Branches.Production)
	args := []string{"--base", base, "--head", head, "--repo", opts.Repo}
	if opts.Config != "" {
		args = append(args, "--config", opts.Config)
	}
	return runCommand(ctx, env, "guard", args)
}

// guardRange is the range the guard checks: a pull request's base and head commits, or the
// production branch and the pushed commit.
func guardRange(t event.Trigger, production string) (base, head string) {
	if pr := t.PullRequest.GetPullRequest(); pr != nil {
		return pr.GetBase().GetSHA(), pr.GetHead().GetSHA()
	}
	if production == "" {
		production = config.Default().Branches.Production
	}
	return "origin/" + production, t.Push.GetAfter()
}

// runCommand runs a command from the table with args, binding its action inputs as Main does.
func runCommand(ctx context.Context, env *Env, name string, args []string) error {
	cmd, ok := lookup(name)
	if !ok {
		return fmt.Errorf("command %q is not in this build; valid commands: %s", name, strings.Join(names(), ", "))
	}
	return runWith(ctx, env, cmd, args)
}

// runWith runs cmd with args, binding its action inputs as Main does.
func runWith(ctx context.Context, env *Env, cmd Command, args []string) error {
	fs := newFlagSet(cmd, env)
	if err := fs.Parse(args); err != nil {
		return Usage(fmt.Errorf("hotfix %s %s: %w", cmd.Name(), strings.Join(args, " "), err))
	}
	if err := bindInputs(fs, env.Getenv); err != nil {
		return Usage(err)
	}
	return cmd.Run(ctx, env, fs.Args())
}
