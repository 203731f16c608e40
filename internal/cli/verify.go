package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
	"github.com/incident-hotfix/incident-hotfix/internal/verify"
)

// verifyCmd runs the verify steps of the base branch's policy on a checkout of the hotfix.
type verifyCmd struct {
	repo, base, head, config, sha string
	publish, failedStep, describe string
	dryRun, json                  bool
	remote                        remoteFlags
}

func (*verifyCmd) Name() string { return "verify" }
func (*verifyCmd) Synopsis() string {
	return "run the policy's lint, build and test steps on the hotfix, with a hotfix/verify status"
}

func (c *verifyCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.repo, "repo", ".", "the checkout `dir` of the hotfix; the steps run in it")
	fs.StringVar(&c.base, "base", "main", "the `branch` the hotfix merges into (origin/BRANCH, then the local branch, never a tag); the policy is read from it")
	fs.StringVar(&c.head, "head", "", "the hotfix `branch`, given to the steps as HOTFIX_HEAD")
	fs.StringVar(&c.config, "config", "", "read the policy from this `file` instead of BASE:"+config.DefaultPath)
	fs.StringVar(&c.sha, "sha", "", "the hotfix head commit `sha` that gets the hotfix/verify status (needs a token); the checkout must be at it")
	fs.StringVar(&c.publish, "publish", "", "run no step: write the hotfix/verify status for the `verdict` (pass, fail or error) that a run without a token reached")
	fs.StringVar(&c.failedStep, "failed-step", "", "with --publish fail: the `name` of the step that failed")
	fs.StringVar(&c.describe, "description", "", "with --publish: the status's `text`, as the run's description output gave it")
	fs.BoolVar(&c.dryRun, "dry-run", false, "print the steps that would run, and run nothing")
	fs.BoolVar(&c.json, "json", false, "print the result as JSON; the steps' output goes to stderr")
	c.remote.bind(fs)
}

func (c *verifyCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; the steps come from the policy's verify.steps", args[0]))
	}
	if c.publish != "" {
		return c.publishOnly(ctx, env)
	}
	out := c.out(env)
	st, err := c.status(ctx, env, out)
	if err != nil {
		return err
	}
	policy, source, err := c.policy(ctx, env, st)
	if err != nil {
		return Usage(err)
	}
	fmt.Fprintf(out, "policy: %s\n", source)
	plan, err := verify.Choose(policy.Verify, env.Path(c.repo))
	if err != nil {
		return Usage(errors.Join(err, st.Fail(ctx, err)))
	}
	plan.WriteText(out)
	if c.dryRun {
		return c.printDry(env, plan)
	}
	return c.run(ctx, env, out, plan, st)
}

// out is where people read the progress: stdout, or stderr under --json, so that stdout stays
// pure JSON. The runner reads workflow commands from both.
func (c *verifyCmd) out(env *Env) io.Writer {
	if c.json {
		return env.Stderr
	}
	return env.Stdout
}

// run runs the plan between the pending and the final status, and reports the result
// (verify.Publisher.Execute); a failed verdict is ErrCheckFailed.
func (c *verifyCmd) run(ctx context.Context, env *Env, out io.Writer, plan verify.Plan, st statusWriter) error {
	opts := verify.Options{Root: env.Path(c.repo), Base: c.base, Head: c.head, Out: out, Runner: env.runner(), Now: env.Now}
	res, err := st.Execute(ctx, plan, opts, env.Stdout, c.json, hasToken(env))
	var setup *verify.SetupError
	switch {
	case errors.As(err, &setup):
		return Usage(err)
	case err != nil:
		return err
	case res.Verdict == verify.Fail:
		return ErrCheckFailed
	}
	return nil
}

// printDry prints the plan for --dry-run: the steps above, or the plan as JSON.
func (c *verifyCmd) printDry(env *Env, plan verify.Plan) error {
	if c.json {
		return runner.WriteJSON(env.Stdout, plan)
	}
	fmt.Fprintln(env.Stdout, plan.DryRunLine())
	return nil
}
