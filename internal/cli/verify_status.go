package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
	"github.com/incident-hotfix/incident-hotfix/internal/verify"
)

// statusWriter writes the hotfix/verify commit status when verify has a token and a head SHA;
// otherwise every call is a no-op. A token that may not write statuses (a fork's pull request)
// gives a warning, not a failure: the summary and the exit code still tell the result.
type statusWriter struct {
	remote *remote
	status verify.Status
	runner *runner.Runner
}

// status connects to GitHub when a token and --sha are given.
func (c *verifyCmd) status(ctx context.Context, env *Env, out io.Writer) (statusWriter, error) {
	w := statusWriter{runner: runner.New(env.Getenv, out)}
	if firstSet(env.Getenv("INPUT_TOKEN"), env.Getenv("GITHUB_TOKEN")) == "" || c.dryRun {
		return w, nil
	}
	e := *env
	e.Stdout = out
	r, err := c.remote.connect(ctx, &e)
	if err != nil {
		return w, err
	}
	w.remote = &r
	if c.sha == "" {
		fmt.Fprintln(out, "status: none, since no --sha (the sha input) names the hotfix head")
		return w, nil
	}
	if err := verify.CheckHead(ctx, env.Path(c.repo), c.sha); err != nil {
		return w, Usage(err)
	}
	w.status = verify.Status{Client: r.client.Repositories, Owner: r.owner, Name: r.name, SHA: c.sha, TargetURL: verifyRunURL(env, r)}
	return w, nil
}

// verifyRunURL links the status to the workflow run, when the runner names one.
func verifyRunURL(env *Env, r remote) string {
	id := env.Getenv("GITHUB_RUN_ID")
	if id == "" {
		return ""
	}
	return fmt.Sprintf("%s/%s/%s/actions/runs/%s", serverURL(env), r.owner, r.name, id)
}

func (w statusWriter) active() bool { return w.status.Client != nil }

// pending marks the head as being verified; a failure to do so is only a warning.
func (w statusWriter) pending(ctx context.Context, out io.Writer, p verify.Plan) {
	if w.active() {
		w.warn(out, w.status.Pending(ctx, p))
	}
}

// final writes the verdict. It returns an error unless the token may not write statuses.
func (w statusWriter) final(ctx context.Context, out io.Writer, res verify.Result) error {
	if !w.active() {
		return nil
	}
	err := w.status.Final(ctx, res)
	if gh.Kind(err) == gh.Forbidden {
		w.warn(out, err)
		return nil
	}
	if err == nil {
		fmt.Fprintf(out, "status: %s %s on %s\n", verify.Context, res.Verdict, w.status.SHA)
	}
	return err
}

// fail marks the head as not verifiable, for a policy with nothing to run or a bad step.
func (w statusWriter) fail(ctx context.Context, out io.Writer, why error) error {
	if !w.active() {
		return nil
	}
	err := w.status.Error(ctx, why.Error())
	if gh.Kind(err) == gh.Forbidden {
		w.warn(out, err)
		return nil
	}
	return err
}

// warn reports a status that could not be written, and why.
func (w statusWriter) warn(out io.Writer, err error) {
	if err == nil {
		return
	}
	msg := fmt.Sprintf("%v; the result is in the summary and the exit code (a fork's pull request gets a read-only token)", err)
	fmt.Fprintf(out, "warning: %s\n", msg)
	w.runner.Annotate(runner.Annotation{Level: runner.Warning, Title: "hotfix verify", Message: msg})
}

// policy loads the policy from the base branch, in the one order: the override file, the
// branch in the checkout (refs/remotes/origin/BASE, then refs/heads/BASE), or, in a shallow
// checkout without either, through the API when there is a token.
func (c *verifyCmd) policy(ctx context.Context, env *Env, st statusWriter) (config.Policy, config.Source, error) {
	res := &config.Resolver{File: env.Path(c.config), Dir: env.Path(c.repo)}
	if st.remote != nil {
		res.Remote = st.remote.file
	}
	p, src, err := res.Resolve(ctx, c.base)
	if errors.Is(err, config.ErrNoPolicy) {
		err = fmt.Errorf("read the policy from the base branch: %w; fetch the base branch, or give a token to read it through the API", err)
	}
	return p, src, err
}
