package route

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

// Local is the guard on a checkout: the repository, the range, the severity, the limits given
// to tighten the policy's, and whether to print JSON.
type Local struct {
	Dir, Base, Head, Severity string
	Limits                    config.Limits
	JSON                      bool
}

// Check checks what needs no repository: the severity and the limits.
func (l Local) Check() error {
	if l.Severity != "" && !slices.Contains(config.Severities, l.Severity) {
		return fmt.Errorf("--severity %q is not a severity; valid: %s", l.Severity, strings.Join(config.Severities, ", "))
	}
	for name, v := range map[string]int{"max-lines": l.Limits.MaxLines, "max-files": l.Limits.MaxFiles, "max-commits": l.Limits.MaxCommits} {
		if v < 0 {
			return fmt.Errorf("--%s %d is negative; give a limit above 0, or 0 to keep the policy's", name, v)
		}
	}
	return nil
}

// LocalGuard is the guard on a checkout: load, decide, report. The range starts at the base as
// a branch (refs/remotes/origin/BASE, else refs/heads/BASE), the ref the policy is read from, so
// a tag named like the branch changes neither. A failed verdict is CheckFailed.
func (r Run) LocalGuard(ctx context.Context, l Local) error {
	pending := change.Begin(ctx, l.Dir, config.FirstBaseRef(l.Base), l.Head) // beside the policy's git process
	defer pending.Stop()
	policy, source, err := r.ReadPolicy(ctx, l.Base)
	if err != nil {
		return err
	}
	if err := guard.Tighten(&policy.Guard, l.Severity, l.Limits); err != nil {
		return r.Usage(err)
	}
	base, err := source.RangeBase(ctx, l.Dir, l.Base)
	if err != nil {
		return r.Usage(err)
	}
	set, err := pending.Set(ctx, base)
	if err != nil {
		return r.changeError(err)
	}
	res := guard.Check(set, policy.Guard, l.Severity)
	if err := guard.Report(r.Out, r.Runner, res, guard.Heading{Range: l.Base + "..." + l.Head, Policy: source.String()}, l.JSON); err != nil {
		return err
	}
	if res.Verdict == guard.Fail {
		return r.CheckFailed
	}
	return nil
}

// changeError marks a bad repository or ref, or refs with no history in common, as the input's
// fault.
func (r Run) changeError(err error) error {
	var refErr *change.RefError
	if errors.Is(err, change.ErrNotRepository) || errors.Is(err, change.ErrNoMergeBase) || errors.Is(err, change.ErrBadRef) || errors.As(err, &refErr) {
		return r.Usage(err)
	}
	return err
}
