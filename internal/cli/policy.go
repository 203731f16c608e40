package cli

import (
	"context"
	"fmt"
	"sync"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/localguard"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
)

// apiPolicies is the resolver of a command that reads the policy only through the API.
func apiPolicies(r route.Repo) *config.Resolver {
	return &config.Resolver{Remote: r.File}
}

// checkoutPolicies is the resolver of a command run on a checkout: the override file, else the
// base branch in dir, else, with remote, through the API.
func checkoutPolicies(env *Env, file, dir string, remote config.RemoteFile) *config.Resolver {
	return &config.Resolver{File: env.Path(file), Dir: env.Path(dir), Remote: remote}
}

// readPolicy reads the policy on base through the resolver, marking its errors for the exit code.
// It is the one place outside internal/config where a policy is read.
func readPolicy(ctx context.Context, res *config.Resolver, base string) (config.Policy, config.Source, error) {
	return localguard.ReadPolicy(ctx, res, base)
}

// connection is the run's one connection to GitHub, made on first use, so an event that needs no
// API makes no client, and every command of the run shares one.
type connection struct {
	flags remoteFlags
	env   *Env

	once sync.Once
	repo route.Repo
	err  error
}

// get connects the first time and returns the same connection, or error, after.
func (g *connection) get(ctx context.Context) (route.Repo, error) {
	g.once.Do(func() { g.repo, g.err = g.flags.connect(ctx, g.env) })
	return g.repo, g.err
}

// file reads a file through the API for the resolver, connecting on first use.
func (g *connection) file(ctx context.Context, ref, path string) ([]byte, bool, error) {
	r, err := g.get(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("connect to read %s on %s: %w", path, ref, err)
	}
	return r.File(ctx, ref, path)
}
