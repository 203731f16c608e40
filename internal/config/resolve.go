package config

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"sync"
)

// ErrNoPolicy means no source in the order could be read: no override file, no checkout that
// holds the base branch, and no way to reach the API. Routing then uses Default(); a command
// that needs the policy fails.
var ErrNoPolicy = errors.New("no policy source")

// ErrRemote means the policy could not be read through the API.
var ErrRemote = errors.New("read the policy through the API")

// RemoteFile reads the file at path on ref through the API; found is false when it is not there.
type RemoteFile func(ctx context.Context, ref, path string) (data []byte, found bool, err error)

// Resolver is the one answer to "which policy applies?" for a run. Resolve tries, in order:
//
//  1. File, the --config file, when one is given;
//  2. refs/remotes/origin/BASE in the checkout Dir (the branch actions/checkout fetches);
//  3. refs/heads/BASE in the checkout Dir;
//  4. .github/hotfix.yml on BASE through the API (Remote), when there is a token.
//
// It never reads a tag: git resolves a short name as a tag before a branch, so a tag named main
// or origin/main could otherwise hand a hotfix a loosened policy. When none of them can be read,
// the error matches ErrNoPolicy, and the defaults are for routing only. Each base is resolved
// once per Resolver, so every command of a run applies the same policy.
type Resolver struct {
	File   string     // the override file, "" for the base branch's policy
	Dir    string     // the git checkout, "" for none
	Remote RemoteFile // the API, nil without a token

	mu   sync.Mutex
	seen map[string]resolved
}

type resolved struct {
	policy Policy
	source Source
	err    error
}

// Resolve returns the policy for base, a branch name (or a full ref or commit SHA in Dir), and
// where it came from.
func (r *Resolver) Resolve(ctx context.Context, base string) (Policy, Source, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if got, ok := r.seen[base]; ok {
		return got.policy, got.source, got.err
	}
	p, src, err := r.resolve(ctx, base)
	if r.seen == nil {
		r.seen = map[string]resolved{}
	}
	r.seen[base] = resolved{p, src, err}
	return p, src, err
}

func (r *Resolver) resolve(ctx context.Context, base string) (Policy, Source, error) {
	if r.File != "" {
		return loadFile(r.File)
	}
	var why []error
	if r.Dir != "" {
		p, src, err := loadRef(ctx, r.Dir, base)
		if err == nil || !unavailable(err) {
			return p, src, err
		}
		why = append(why, err)
	}
	if r.Remote != nil && base != "" {
		return r.remote(ctx, base)
	}
	if r.Dir == "" {
		why = append(why, errors.New("no checkout and no token"))
	}
	return Policy{}, Source{}, fmt.Errorf("%w for %q: %w", ErrNoPolicy, base, errors.Join(why...))
}

// unavailable reports whether err means the checkout can't answer (no such branch, not a
// repository, no git), so the next source is tried; an invalid policy is an answer.
func unavailable(err error) bool {
	return errors.Is(err, ErrBaseRef) || errors.Is(err, ErrRepo) || errors.Is(err, exec.ErrNotFound)
}

// remote reads the policy on base through the API.
func (r *Resolver) remote(ctx context.Context, base string) (Policy, Source, error) {
	src := Source{File: DefaultPath, Ref: base, API: true}
	data, found, err := r.Remote(ctx, base, DefaultPath)
	if err != nil {
		return Policy{}, src, fmt.Errorf("%w: %w", ErrRemote, err)
	}
	if !found {
		src.Defaults = true
		return Default(), src, nil
	}
	p, err := Parse(DefaultPath, data)
	if err != nil {
		return Policy{}, src, fmt.Errorf("policy on %s: %w", base, err)
	}
	return p, src, nil
}
