package release

import (
	"context"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// PlanLocal decides the tag a merge into base would get, from the checkout dir, writing nothing:
// base resolved as a branch (refs/remotes/origin/BASE, then refs/heads/BASE; a full ref or a
// commit SHA as it is; never a tag), then LocalFacts and Decide. A base or a checkout that can't
// be read is ErrLocal.
func PlanLocal(ctx context.Context, dir, base, prefix string) (Plan, error) {
	ref, err := config.ResolveBase(ctx, dir, base)
	if err != nil {
		return Plan{}, localError{err}
	}
	facts, err := LocalFacts(ctx, dir, ref)
	if err != nil {
		return Plan{}, err
	}
	return Decide(prefix, facts)
}

// localError marks err as ErrLocal, keeping its text.
type localError struct{ err error }

func (e localError) Error() string        { return e.err.Error() }
func (e localError) Unwrap() error        { return e.err }
func (e localError) Is(target error) bool { return target == ErrLocal }
