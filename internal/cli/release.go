package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// releaseCmd tags a merged hotfix with the next patch on its line, or, with --dry-run, says which
// tag that would be from a local checkout.
type releaseCmd struct {
	dryRun, json                    bool
	repo, base, config              string
	prefix                          optionalString
	mergeSHA, headBranch, prTitle   string
	prNumber, incident              int
	remote                          remoteFlags
	releaseBranches, hotfixBranches string
}

func (*releaseCmd) Name() string { return "release" }
func (*releaseCmd) Synopsis() string {
	return "tag a merged hotfix with the next patch version on its line (annotated, on the merge commit)"
}

func (c *releaseCmd) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&c.dryRun, "dry-run", false, "print the tag a merge into --base would get, from the local --repo; needs no token")
	fs.StringVar(&c.repo, "repo", ".", "the local git repository `dir`, for --dry-run")
	fs.StringVar(&c.base, "base", "", "the `branch` the hotfix merged into (with --dry-run also main~1, a full ref or a commit SHA; never a tag)")
	fs.StringVar(&c.config, "config", "", "read the policy from this `file` instead of BASE:"+config.DefaultPath)
	fs.Var(&c.prefix, "prefix", "the tag `prefix`, such as v or api/v (default the policy's release.prefix, v)")
	fs.StringVar(&c.releaseBranches, "release-branches", "", "the `glob` of maintenance branches that name a line (default the policy's branches.release)")
	fs.StringVar(&c.hotfixBranches, "hotfix-branches", "", "the `glob` of hotfix branches (default the policy's branches.hotfix)")
	fs.BoolVar(&c.json, "json", false, "print the result as JSON")
	fs.StringVar(&c.mergeSHA, "merge-sha", "", "the pull request's merge commit `sha` (merge_commit_sha), which gets the tag")
	fs.StringVar(&c.headBranch, "head-branch", "", "the pull request's head `branch`, such as hotfix/1.2.4")
	fs.IntVar(&c.prNumber, "pr-number", 0, "the pull request's `number`")
	fs.StringVar(&c.prTitle, "pr-title", "", "the pull request's `title`, for the tag message")
	fs.IntVar(&c.incident, "incident", 0, "the incident issue's `number`, linked from the tag message")
	c.remote.bind(fs)
}

func (c *releaseCmd) Run(ctx context.Context, env *Env, args []string) error {
	if err := c.validate(args); err != nil {
		return Usage(err)
	}
	if c.dryRun {
		return c.plan(ctx, env)
	}
	return c.tag(ctx, env)
}

// validate checks the arguments that need no repository.
func (c *releaseCmd) validate(args []string) error {
	switch {
	case len(args) > 0:
		return fmt.Errorf("unexpected argument %q; give the base with --base", args[0])
	case c.base == "":
		return errors.New("--base is required: the branch the hotfix merged into")
	case c.dryRun:
		return nil
	case c.mergeSHA == "" || c.prNumber <= 0:
		return errors.New("--merge-sha and --pr-number are required to tag; or give --dry-run to see the tag from a local checkout")
	case c.incident < 0:
		return fmt.Errorf("--incident %d is not an issue number", c.incident)
	}
	return nil
}

// plan prints the tag a merge into the base would get, from the local repository
// (release.PlanLocal). It writes nothing.
func (c *releaseCmd) plan(ctx context.Context, env *Env) error {
	repo := env.Path(c.repo)
	policy, _, err := readPolicy(ctx, checkoutPolicies(env, c.config, c.repo, nil), c.base)
	if err != nil {
		return err
	}
	plan, err := release.PlanLocal(ctx, repo, c.base, c.releaseConfig(policy).Prefix)
	if errors.Is(err, release.ErrLocal) {
		return Usage(err)
	}
	if err != nil {
		return err
	}
	if c.json {
		return runner.WriteJSON(env.Stdout, plan)
	}
	plan.WriteText(env.Stdout)
	return nil
}

// tag creates the tag on GitHub for the merged pull request the flags describe, and reports it.
func (c *releaseCmd) tag(ctx context.Context, env *Env) error {
	r, err := c.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	policy, _, err := readPolicy(ctx, apiPolicies(r), c.base)
	if err != nil {
		return err
	}
	cfg := c.releaseConfig(policy)
	cfg.Tagger.Now = env.Now
	m := release.Merged{Number: c.prNumber, Title: c.prTitle, SHA: c.mergeSHA, Base: c.base, Head: c.headBranch, Incident: c.incident}
	res, err := release.Run(ctx, r.Client, m.Input(serverURL(env), release.Repo{Owner: r.Owner, Name: r.Name}), cfg)
	if err != nil {
		return fmt.Errorf("release #%d: %w", c.prNumber, err)
	}
	return release.Report(env.Stdout, env.runner(), res, c.json)
}

// releaseConfig is the release configuration: the policy's, with the flags that were given on top.
func (c *releaseCmd) releaseConfig(p config.Policy) release.Config {
	cfg := release.ConfigFor(p)
	if c.prefix.set {
		cfg.Prefix = c.prefix.value
	}
	cfg.Branches.Maintenance = firstSet(c.releaseBranches, cfg.Branches.Maintenance)
	cfg.Branches.Hotfix = firstSet(c.hotfixBranches, cfg.Branches.Hotfix)
	return cfg
}

// serverURL is GitHub's web address for links: GITHUB_SERVER_URL, else github.com.
func serverURL(env *Env) string {
	return strings.TrimSuffix(firstSet(env.Getenv("GITHUB_SERVER_URL"), "https://github.com"), "/")
}

// optionalString is a string flag that knows whether it was given, so "" can be a value.
type optionalString struct {
	value string
	set   bool
}

func (o *optionalString) String() string { return o.value }
func (o *optionalString) Set(v string) error {
	o.value, o.set = v, true
	return nil
}
