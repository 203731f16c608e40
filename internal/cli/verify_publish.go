package cli

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/incident-hotfix/incident-hotfix/internal/verify"
)

// verdicts are the values --publish takes.
var verdicts = []string{verify.Pass, verify.Fail, verify.NoVerdict}

// publishOnly writes the hotfix/verify status for a verdict that a run without a token reached,
// and runs no step: the shipped workflow runs the steps in a job with no write token and this in
// a job that holds statuses: write only, so no verify step can reach that token.
func (c *verifyCmd) publishOnly(ctx context.Context, env *Env) error {
	switch {
	case !slices.Contains(verdicts, c.publish):
		return Usage(fmt.Errorf("--publish %q: want one of %v", c.publish, verdicts))
	case c.sha == "":
		return Usage(errors.New("--publish needs --sha (the sha input): the hotfix head that gets the status"))
	}
	r, err := c.remote.connect(ctx, env)
	if err != nil {
		return err
	}
	if err := statusOn(env, r, c.sha).Publish(ctx, c.publish, c.failedStep, c.describe); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "status: %s %s on %s\n", verify.Context, c.publish, c.sha)
	return nil
}
