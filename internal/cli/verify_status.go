package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
	"github.com/incident-hotfix/incident-hotfix/internal/verify"
)

// statusWriter is verify's status on GitHub (verify.Publisher), with the connection it was made
// through, when there is a token.
type statusWriter struct {
	verify.Publisher
	repo *route.Repo
}

// status connects to GitHub when there is a token, and writes the status when --sha is given.
func (c *verifyCmd) status(ctx context.Context, env *Env, out io.Writer) (statusWriter, error) {
	rn := env.runner()
	w := statusWriter{Publisher: verify.Publisher{Out: out, Warn: func(msg string) {
		rn.Annotate(runner.Annotation{Level: runner.Warning, Title: "hotfix verify", Message: msg})
	}}}
	if !hasToken(env) || c.dryRun {
		return w, nil
	}
	e := *env
	e.Stdout = out
	r, err := c.remote.connect(ctx, &e)
	if err != nil {
		return w, err
	}
	w.repo = &r
	if c.sha == "" {
		fmt.Fprintln(out, "status: none, since no --sha (the sha input) names the hotfix head")
		return w, nil
	}
	if err := verify.CheckHead(ctx, env.Path(c.repo), c.sha); err != nil {
		return w, Usage(err)
	}
	w.Status = statusOn(env, r, c.sha)
	return w, nil
}

// statusOn is the hotfix/verify status on sha, linked to the workflow run when the runner
// names one.
func statusOn(env *Env, r route.Repo, sha string) verify.Status {
	st := verify.Status{Client: r.Client.Repositories, Owner: r.Owner, Name: r.Name, SHA: sha}
	if id := env.Getenv("GITHUB_RUN_ID"); id != "" {
		st.TargetURL = fmt.Sprintf("%s/%s/%s/actions/runs/%s", serverURL(env), r.Owner, r.Name, id)
	}
	return st
}

// policy loads the policy from the base branch, in the one order: the override file, the
// branch in the checkout (refs/remotes/origin/BASE, then refs/heads/BASE), or, in a shallow
// checkout without either, through the API when there is a token.
func (c *verifyCmd) policy(ctx context.Context, env *Env, st statusWriter) (config.Policy, config.Source, error) {
	var remote config.RemoteFile
	if st.repo != nil {
		remote = st.repo.File
	}
	p, src, err := readPolicy(ctx, checkoutPolicies(env, c.config, c.repo, remote), c.base)
	if errors.Is(err, config.ErrNoPolicy) {
		err = fmt.Errorf("read the policy from the base branch: %w; fetch the base branch, or give a token to read it through the API", err)
	}
	return p, src, err
}
