// Package route runs `hotfix run`: it chooses the event's route (event.Route) under the routing
// policy and calls the Go entry point of that route kind with the run's one value (Run). The
// commands that are a route, or a step of one, run by hand (`hotfix guard`, `incident`,
// `action-items`, `remind`, `backport`, `postmortem`) call the same entry points, and the
// follow-up commands read their policy and login through Scope.
package route

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/exit"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
	"github.com/incident-hotfix/incident-hotfix/internal/merge"
	"github.com/incident-hotfix/incident-hotfix/internal/notify"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// Repo is the repository on GitHub that a run works on.
type Repo struct {
	Client      *github.Client
	Owner, Name string
	Who         *identity.Who // the login the toolkit writes as, asked at most once
}

// Run is one run's one value: the trigger, the options of the run, and what the process gives
// it, which cli wires. Every route reads its policy through ReadPolicy and reaches GitHub
// through GitHub.
type Run struct {
	Trigger  event.Trigger
	DryRun   bool
	Severity string // the severity input, for the guard's limits, the merge and a declaration
	// Policy is the policy the route was chosen under (routingPolicy); Route sets it.
	Policy config.Policy
	// ReadPolicy reads the policy on a base branch, in the one order (config.Resolver).
	ReadPolicy func(ctx context.Context, base string) (config.Policy, config.Source, error)
	// GitHub is the run's one connection, made on first use; Token says whether there is a token.
	GitHub func(context.Context) (Repo, error)
	Token  bool
	// Checkout is the checkout's directory, for the guard without a token.
	Checkout string
	// RefName is GITHUB_REF_NAME: the follow-up commands' branch when none is given.
	RefName string
	Out     io.Writer // results for people, or the JSON document
	Log     io.Writer // progress lines, with the workflow commands
	Runner  *runner.Runner
	Now     func() time.Time
	Warn    func(string)
	Webhook notify.Webhook // where an incident's notices go
	Report  *Report        // the JSON document under `hotfix run --json`; nil without it
	// Outputs lists the step outputs a command may write, in order.
	Outputs func(command string) []string
}

// Report is what `hotfix run --json` prints: one document.
type Report struct {
	Event      string        `json:"event"`
	Repository string        `json:"repository"`
	DryRun     bool          `json:"dry_run"`
	Route      event.Kind    `json:"route"`
	Reason     string        `json:"reason,omitempty"`
	Commands   []string      `json:"commands,omitempty"`
	Plan       *merge.Plan   `json:"plan,omitempty"`
	Result     *merge.Result `json:"result,omitempty"`
}

// handler runs one route kind.
type handler func(ctx context.Context, r Run) error

// handlerFor is the Go entry point of each route kind: wiring a new route into `hotfix run` is
// one line here, and TestEveryRouteHasAHandler checks that every kind has one.
func handlerFor(k event.Kind) handler {
	switch k {
	case event.Guard:
		return runGuard
	case event.Merge:
		return runMerge
	case event.Declare, event.Update:
		return runIncident(k)
	case event.ActionItems:
		return runActionItems
	case event.Remind:
		return runRemind
	case event.Deploy:
		return runDeploy
	}
	return nil
}

// Route chooses the event's route under the routing policy (routingPolicy) and runs it. only,
// when not "", keeps the run to one route kind (event.Only); file says that a --config file
// gives the policy.
func (r Run) Route(ctx context.Context, only string, file bool) error {
	t := r.Trigger
	fmt.Fprintf(r.Out, "event: %s on %s\n", t.Name, t.Repo)
	if only != "" && !event.Reachable(t, event.Kind(only)) {
		fmt.Fprintf(r.Out, "route: none: a %s event never routes to %s, and this step handles only %s: nothing to do\n", t.Name, only, only)
		return nil
	}
	var err error
	if r.Policy, err = r.routingPolicy(ctx, file); err != nil {
		return err
	}
	d, err := event.Only(event.Route(t, r.Policy), only)
	if err != nil {
		return exit.Usage(err)
	}
	fmt.Fprintf(r.Out, "route: %s: %s\n", d.Kind, d.Reason)
	if r.Report != nil {
		r.Report.Route, r.Report.Reason, r.Report.Commands = d.Kind, d.Reason, d.Commands
	}
	return r.dispatch(ctx, d)
}

// dispatch runs the decision's route; no route runs nothing.
func (r Run) dispatch(ctx context.Context, d event.Decision) error {
	if d.Kind == event.None {
		return nil
	}
	fmt.Fprintf(r.Out, "running hotfix %s\n", strings.Join(d.Commands, ", "))
	return handlerFor(d.Kind)(ctx, r) // every kind has one: TestEveryRouteHasAHandler
}

// File reads a file at ref through the contents API; found is false when it is not there.
func (r Repo) File(ctx context.Context, ref, path string) ([]byte, bool, error) {
	return gh.File(ctx, r.Client, r.Owner, r.Name, ref, path)
}
