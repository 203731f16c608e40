package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
)

// guardCmd checks a hotfix branch against the minimal-change policy of its base branch.
type guardCmd struct {
	base, head, repo, config, severity string
	json                               bool
	limits                             config.Limits
}

func (*guardCmd) Name() string { return "guard" }
func (*guardCmd) Synopsis() string {
	return "check that a hotfix branch is a minimal change (diff size, file scope, no refactoring)"
}

func (c *guardCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.base, "base", "main", "the `branch` the hotfix merges into (origin/BRANCH, then the local branch; or a full ref or commit SHA, never a tag); the policy is read from it")
	fs.StringVar(&c.head, "head", "HEAD", "the `ref` of the hotfix")
	fs.StringVar(&c.repo, "repo", ".", "the git repository `dir` (a worktree or a bare repository)")
	fs.StringVar(&c.config, "config", "", "read the policy from this `file` instead of BASE:"+config.DefaultPath)
	fs.StringVar(&c.severity, "severity", "", "the incident `severity` (P0, P1, P2 or P3), for its limits")
	fs.BoolVar(&c.json, "json", false, "print the result as JSON")
	fs.IntVar(&c.limits.MaxLines, "max-lines", 0, "tighten the changed-lines `limit` below the policy's")
	fs.IntVar(&c.limits.MaxFiles, "max-files", 0, "tighten the changed-files `limit` below the policy's")
	fs.IntVar(&c.limits.MaxCommits, "max-commits", 0, "tighten the commit `limit` below the policy's")
}

func (c *guardCmd) Run(ctx context.Context, env *Env, args []string) error {
	if err := c.validate(args); err != nil {
		return Usage(err)
	}
	return c.check(ctx, env, checkoutPolicies(env, c.config, c.repo, nil))
}

// check is the guard on a checkout, with the policy from policies: load, decide, report. The
// range starts at the base as a branch (refs/remotes/origin/BASE, else refs/heads/BASE), the
// ref the policy is read from, so a tag named like the branch changes neither.
func (c *guardCmd) check(ctx context.Context, env *Env, policies *config.Resolver) error {
	repo := env.Path(c.repo)
	policy, source, err := readPolicy(ctx, policies, c.base)
	if err != nil {
		return err
	}
	if err := guard.Tighten(&policy.Guard, c.severity, c.limits); err != nil {
		return Usage(err)
	}
	base, err := source.RangeBase(ctx, repo, c.base)
	if err != nil {
		return Usage(err)
	}
	set, err := change.FromGit(ctx, repo, base, c.head)
	if err != nil {
		return changeError(err)
	}
	res := guard.Check(set, policy.Guard, c.severity)
	h := guard.Heading{Range: c.base + "..." + c.head, Policy: source.String()}
	return c.report(env, res, h)
}

// validate checks the arguments that need no repository.
func (c *guardCmd) validate(args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("unexpected argument %q; give refs with --base and --head", args[0])
	}
	if c.severity != "" && !slices.Contains(config.Severities, c.severity) {
		return fmt.Errorf("--severity %q is not a severity; valid: %s", c.severity, strings.Join(config.Severities, ", "))
	}
	for name, v := range map[string]int{"max-lines": c.limits.MaxLines, "max-files": c.limits.MaxFiles, "max-commits": c.limits.MaxCommits} {
		if v < 0 {
			return fmt.Errorf("--%s %d is negative; give a limit above 0, or 0 to keep the policy's", name, v)
		}
	}
	return nil
}

// changeError marks a bad repository or ref, or refs with no history in common, as a usage error.
func changeError(err error) error {
	var refErr *change.RefError
	if errors.Is(err, change.ErrNotRepository) || errors.Is(err, change.ErrNoMergeBase) || errors.Is(err, change.ErrBadRef) || errors.As(err, &refErr) {
		return Usage(err)
	}
	return err
}

// report prints the result (guard.Report) and sets the outputs verdict, changed_files and
// changed_lines; a failed verdict is ErrCheckFailed.
func (c *guardCmd) report(env *Env, res guard.Result, h guard.Heading) error {
	if err := guard.Report(env.Stdout, env.runner(), res, h, c.json); err != nil {
		return err
	}
	if res.Verdict == guard.Fail {
		return ErrCheckFailed
	}
	return nil
}
