// Package localguard is the guard on a checkout: the policy from the base branch in the
// repository, the change set from git, the verdict printed and written to the runner. It links
// no HTTP client, so cmd/hotfix-guard, which is this package and nothing more, starts in about
// the time git does; `hotfix guard` and `hotfix run` without a token call the same Run.
package localguard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/exit"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// Check is one guard on a checkout: the repository, the range, the severity, the limits given to
// tighten the policy's, and whether to print JSON.
type Check struct {
	Dir, Base, Head, Severity string
	Limits                    config.Limits
	JSON                      bool
}

// Validate checks what needs no repository: the severity and the limits.
func (c Check) Validate() error {
	if c.Severity != "" && !slices.Contains(config.Severities, c.Severity) {
		return fmt.Errorf("--severity %q is not a severity; valid: %s", c.Severity, strings.Join(config.Severities, ", "))
	}
	for name, v := range map[string]int{"max-lines": c.Limits.MaxLines, "max-files": c.Limits.MaxFiles, "max-commits": c.Limits.MaxCommits} {
		if v < 0 {
			return fmt.Errorf("--%s %d is negative; give a limit above 0, or 0 to keep the policy's", name, v)
		}
	}
	return nil
}

// Env is where the guard reads its policy and writes its verdict.
type Env struct {
	// ReadPolicy reads the policy on a base branch, in the one order (config.Resolver).
	ReadPolicy func(ctx context.Context, base string) (config.Policy, config.Source, error)
	Out        io.Writer // the verdict for people, or the JSON document
	Runner     *runner.Runner
}

// Run is the guard on a checkout: load, decide, report. The range starts at the base as a branch
// (refs/remotes/origin/BASE, else refs/heads/BASE), the ref the policy is read from, so a tag
// named like the branch changes neither. A failed verdict is exit.ErrCheckFailed; a wrong
// input, policy, repository or ref is marked exit.Usage.
func Run(ctx context.Context, c Check, e Env) error {
	pending := change.Begin(ctx, c.Dir, config.LikelyBaseRef(c.Dir, c.Base), c.Head) // before the policy is read
	defer pending.Stop()
	policy, source, err := e.ReadPolicy(ctx, c.Base)
	if err != nil {
		return err
	}
	if err := guard.Tighten(&policy.Guard, c.Severity, c.Limits); err != nil {
		return exit.Usage(err)
	}
	base, err := source.RangeBase(ctx, c.Dir, c.Base)
	if err != nil {
		return exit.Usage(err)
	}
	set, err := pending.Set(ctx, base)
	if err != nil {
		return changeError(err)
	}
	res := guard.Check(set, policy.Guard, c.Severity)
	if err := guard.Report(e.Out, e.Runner, res, guard.Heading{Range: c.Base + "..." + c.Head, Policy: source.String()}, c.JSON); err != nil {
		return err
	}
	if res.Verdict == guard.Fail {
		return exit.ErrCheckFailed
	}
	return nil
}

// changeError marks a bad repository or ref, or refs with no history in common, as the input's
// fault.
func changeError(err error) error {
	var refErr *change.RefError
	if errors.Is(err, change.ErrNotRepository) || errors.Is(err, change.ErrNoMergeBase) || errors.Is(err, change.ErrBadRef) || errors.As(err, &refErr) {
		return exit.Usage(err)
	}
	return err
}
