package localguard

import (
	"context"
	"errors"
	"flag"
	"path/filepath"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/exit"
)

// Synopsis says what the guard does, for both binaries' help.
const Synopsis = "check that a hotfix branch is a minimal change (diff size, file scope, no refactoring)"

// Flags are the guard's options on a checkout, the same for `hotfix guard` and hotfix-guard.
type Flags struct {
	Base, Head, Repo, Config, Severity string
	JSON                               bool
	Limits                             config.Limits
}

// Define declares the options on fs.
func (f *Flags) Define(fs *flag.FlagSet) {
	fs.StringVar(&f.Base, "base", "main", "the `branch` the hotfix merges into (origin/BRANCH, then the local branch; or a full ref or commit SHA, never a tag); the policy is read from it")
	fs.StringVar(&f.Head, "head", "HEAD", "the `ref` of the hotfix")
	fs.StringVar(&f.Repo, "repo", ".", "the git repository `dir` (a worktree or a bare repository)")
	fs.StringVar(&f.Config, "config", "", "read the policy from this `file` instead of BASE:"+config.DefaultPath)
	fs.StringVar(&f.Severity, "severity", "", "the incident `severity` (P0, P1, P2 or P3), for its limits")
	fs.BoolVar(&f.JSON, "json", false, "print the result as JSON")
	fs.IntVar(&f.Limits.MaxLines, "max-lines", 0, "tighten the changed-lines `limit` below the policy's")
	fs.IntVar(&f.Limits.MaxFiles, "max-files", 0, "tighten the changed-files `limit` below the policy's")
	fs.IntVar(&f.Limits.MaxCommits, "max-commits", 0, "tighten the commit `limit` below the policy's")
}

// Check is the guard the options ask for, with the repository taken relative to dir. Its error
// is a wrong severity or limit, marked exit.Usage.
func (f Flags) Check(dir string) (Check, error) {
	c := Check{Dir: within(dir, f.Repo), Base: f.Base, Head: f.Head, Severity: f.Severity, Limits: f.Limits, JSON: f.JSON}
	return c, exit.Usage(c.Validate())
}

// Policies is where the options say the policy is: the --config file, else the base branch in
// the repository. A checkout's guard never reads one through the API.
func (f Flags) Policies(dir string) *config.Resolver {
	return &config.Resolver{File: within(dir, f.Config), Dir: within(dir, f.Repo)}
}

// ReadPolicy reads the policy on base through res, marking a policy that is wrong, or a base
// that names no branch, as exit.Usage; an API that could not be read (config.ErrRemote) stays a
// runtime error.
func ReadPolicy(ctx context.Context, res *config.Resolver, base string) (config.Policy, config.Source, error) {
	p, src, err := res.Resolve(ctx, base)
	if err != nil && !errors.Is(err, config.ErrRemote) {
		err = exit.Usage(err)
	}
	return p, src, err
}

// within resolves p against dir; "" stays "".
func within(dir, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}
