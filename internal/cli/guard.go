package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
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
	fs.StringVar(&c.base, "base", "main", "the `ref` the hotfix merges into; the policy is read from it")
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
	return c.check(ctx, env, &config.Resolver{File: env.Path(c.config), Dir: env.Path(c.repo)})
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
	if err := c.tighten(&policy.Guard); err != nil {
		return Usage(err)
	}
	base, err := config.ResolveBase(ctx, repo, c.base)
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

// tighten applies the command-line limits. They may only lower the policy's limits for the
// severity, because the policy on the base branch is the authority and a hotfix must not loosen it.
func (c *guardCmd) tighten(g *config.Guard) error {
	l := g.LimitsFor(c.severity)
	for _, lim := range []struct {
		name          string
		given, policy *int
	}{
		{"max-lines", &c.limits.MaxLines, &l.MaxLines},
		{"max-files", &c.limits.MaxFiles, &l.MaxFiles},
		{"max-commits", &c.limits.MaxCommits, &l.MaxCommits},
	} {
		if *lim.given > *lim.policy {
			return fmt.Errorf("--%s %d is looser than the policy's %d; a caller can only tighten limits, so raise them in the policy on the base branch", lim.name, *lim.given, *lim.policy)
		}
		if *lim.given > 0 {
			*lim.policy = *lim.given
		}
	}
	g.Limits, g.Severity = l, nil
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

// report prints the result: JSON, or the table for people; inside an action also annotations,
// the job summary and the outputs verdict, changed_files and changed_lines.
func (c *guardCmd) report(env *Env, res guard.Result, h guard.Heading) error {
	commands := env.Stdout
	if c.json {
		commands = env.Stderr // keep stdout pure JSON; the runner reads workflow commands from both
	}
	r := runner.New(env.Getenv, commands)
	if c.json {
		enc := json.NewEncoder(env.jsonOut())
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else {
		res.WriteText(env.Stdout, h)
	}
	for _, f := range res.Findings {
		level := runner.Error
		if f.Level == config.LevelWarn {
			level = runner.Warning
		}
		r.Annotate(runner.Annotation{Level: level, File: f.Path, Title: "hotfix guard: " + f.Rule, Message: f.Message})
	}
	err := errors.Join(
		r.Summary(res.Markdown(h)),
		setOutputs(r, "guard", map[string]string{"verdict": res.Verdict,
			"changed_files": strconv.Itoa(res.ChangedFiles), "changed_lines": strconv.Itoa(res.ChangedLines())}),
	)
	if err != nil {
		return err
	}
	if res.Verdict == guard.Fail {
		return ErrCheckFailed
	}
	return nil
}
