package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
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
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; give refs with --base and --head", args[0]))
	}
	l := route.Local{Dir: env.Path(c.repo), Base: c.base, Head: c.head, Severity: c.severity, Limits: c.limits, JSON: c.json}
	if err := l.Check(); err != nil {
		return Usage(err)
	}
	// The guard on a checkout never connects: the run has no GitHub connection.
	return env.run(event.Trigger{}, nil, checkoutPolicies(env, c.config, c.repo, nil)).LocalGuard(ctx, l)
}
