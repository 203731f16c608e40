// Package identity finds the login the toolkit writes as. Every marker the toolkit trusts (the
// incident log, the postmortem, the guard's comment, reminders) counts only when that login wrote
// it, so it must be right for every kind of token: a workflow's GITHUB_TOKEN writes as
// github-actions[bot], a GitHub App's installation token as SLUG[bot], a personal token as its user.
package identity

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/google/go-github/v60/github"
)

// Input is the action input that names the login explicitly.
const Input = "INPUT_IDENTITY"

// Who finds the login once per run: the policy's incident.identity when set (the policy is read
// from the base branch, so it wins), else the identity input, else GitHub's answer to the
// GraphQL viewer query, asked at most once. Its zero value is not usable; use New.
type Who struct {
	client *github.Client
	input  string
	policy string // the policy's incident.identity, once a policy was read

	mu     sync.Mutex
	asked  bool
	viewer string
	err    error
}

// New is a Who for the token of c, with input the value of the identity input ("" when unset).
func New(c *github.Client, input string) *Who {
	return &Who{client: c, input: strings.TrimSpace(input)}
}

// Adopt remembers the incident.identity of the policy the run read from the base branch, so
// that a later Login with no policy at hand uses it too.
func (w *Who) Adopt(policy string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.policy = strings.TrimSpace(policy)
}

// Login is the login the toolkit writes as, given the policy's incident.identity ("" when unset:
// the one Adopt remembered, if any). A lookup that fails is an error naming the identity input,
// never a guess.
func (w *Who) Login(ctx context.Context, policy string) (string, error) {
	if policy = cmp.Or(strings.TrimSpace(policy), w.adopted()); policy != "" {
		return policy, nil
	}
	if w.input != "" {
		return w.input, nil
	}
	return w.ask(ctx)
}

// Known is the login without asking GitHub: the policy's incident.identity (or the one Adopt
// remembered), else the identity input, else a viewer answer already had. ok is false when only
// the GraphQL viewer query, a POST, could tell; a dry run, which sends GitHub only GETs, stops there.
func (w *Who) Known(policy string) (login string, ok bool) {
	if policy = cmp.Or(strings.TrimSpace(policy), w.adopted()); policy != "" {
		return policy, true
	}
	if w.input != "" {
		return w.input, true
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.viewer, w.asked && w.err == nil
}

// Author is Login with no policy key, in the shape of a lazy author check.
func (w *Who) Author(policy string) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) { return w.Login(ctx, policy) }
}

// adopted is the policy key Adopt remembered.
func (w *Who) adopted() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.policy
}

// ask asks GitHub once and remembers the answer, or the failure.
func (w *Who) ask(ctx context.Context) (string, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.asked {
		w.viewer, w.err = askViewer(ctx, w.client)
		w.asked = true
	}
	if w.err != nil {
		return "", fmt.Errorf("find the login the token writes as (set the identity input to name it): %w", w.err)
	}
	return w.viewer, nil
}

// ErrNoLogin is a viewer answer without a login.
var ErrNoLogin = errors.New("graphql viewer query: the answer has no login")
