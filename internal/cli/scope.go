package cli

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// scope is what the follow-up commands (remind, report, status-page) work with: the
// repository, the policy on their branch, and the login the toolkit writes as.
type scope struct {
	remote
	policy config.Policy
	login  string
}

// scope connects, then reads the policy on the branch ref and the toolkit's login.
func (f *remoteFlags) scope(ctx context.Context, env *Env, ref string) (scope, error) {
	r, err := f.connect(ctx, env)
	if err != nil {
		return scope{}, err
	}
	return scopeOf(ctx, env, r, r.policies(), ref)
}

// scopeOf reads the policy on the branch ref (default $GITHUB_REF_NAME, else main) from
// policies, and the toolkit's login under it.
func scopeOf(ctx context.Context, env *Env, r remote, policies *config.Resolver, ref string) (scope, error) {
	p, err := followupPolicy(ctx, env, policies, ref)
	if err != nil {
		return scope{}, err
	}
	login, err := r.who.Login(ctx, p.Incident.Identity)
	return scope{remote: r, policy: p, login: login}, err
}

// followupPolicy reads the policy the follow-up commands run under, on the branch ref.
func followupPolicy(ctx context.Context, env *Env, policies *config.Resolver, ref string) (config.Policy, error) {
	ref = firstSet(ref, env.Getenv("GITHUB_REF_NAME"), "main")
	p, source, err := readPolicy(ctx, policies, ref)
	if err != nil {
		return config.Policy{}, err
	}
	fmt.Fprintf(env.log(), "policy: %s\n", source)
	return p, nil
}
