package route

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// routingPolicy is the policy the route is chosen under, read on the trigger's base (the override
// file, given is true when there is one, the base branch in the checkout, then through the API).
// When none of them can be read (a workflow with no actions/checkout and no token, or an API
// error), routing uses the default branch names and labels and says so; each command still needs
// the policy, and fails on what it can't read. An invalid policy is an error: every command
// would fail on it.
func (r Run) routingPolicy(ctx context.Context, file bool) (config.Policy, error) {
	if r.Trigger.BaseRef() == "" && !file {
		fmt.Fprintln(r.Out, "policy: defaults for routing (the payload names no base branch)")
		return config.Default(), nil
	}
	p, src, err := r.ReadPolicy(ctx, r.Trigger.BaseRef())
	switch {
	case err == nil && src.API:
		fmt.Fprintf(r.Out, "policy: %s (through the API)\n", src)
		return p, nil
	case err == nil:
		fmt.Fprintf(r.Out, "policy: %s\n", src)
		return p, nil
	case errors.Is(err, config.ErrRemote):
		r.Warn(fmt.Sprintf("routing with the default policy: %v", err))
	case errors.Is(err, config.ErrNoPolicy):
		fmt.Fprintf(r.Out, "policy: defaults for routing (%v)\n", err)
	default:
		return config.Policy{}, err
	}
	return config.Default(), nil
}

// Scope is what a follow-up command works with: the repository, the policy on its branch, and
// the login the toolkit writes as.
type Scope struct {
	Repo
	Policy config.Policy
	Login  string
}

// Scope connects, reads the policy on the branch ref (followupPolicy) and the toolkit's login.
func (r Run) Scope(ctx context.Context, ref string) (Scope, error) {
	repo, err := r.GitHub(ctx)
	if err != nil {
		return Scope{}, err
	}
	p, err := r.followupPolicy(ctx, ref)
	if err != nil {
		return Scope{}, err
	}
	login, err := repo.Who.Login(ctx, p.Incident.Identity)
	return Scope{Repo: repo, Policy: p, Login: login}, err
}

// followupPolicy reads the policy the follow-up commands run under, on the branch ref (else
// GITHUB_REF_NAME, else main), and logs where it was read.
func (r Run) followupPolicy(ctx context.Context, ref string) (config.Policy, error) {
	ref = cmp.Or(strings.TrimSpace(ref), strings.TrimSpace(r.RefName), "main")
	p, source, err := r.ReadPolicy(ctx, ref)
	if err != nil {
		return config.Policy{}, err
	}
	fmt.Fprintf(r.Log, "policy: %s\n", source)
	return p, nil
}
