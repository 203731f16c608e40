package verify

import (
	"context"
	"errors"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// SetupError is a run that stopped before any step ran (Run): a step's working directory outside
// the repository. The error status is written with it.
type SetupError struct{ Err error }

func (e *SetupError) Error() string { return e.Err.Error() }
func (e *SetupError) Unwrap() error { return e.Err }

// Execute runs the plan's steps (Run) between the pending status and the final one, and reports
// the result to w (Report). With warnToken, a token is in this process's environment, and a
// warning says so: a step can read it from /proc/<pid>/environ of its parent. A run that stops
// before any step is a *SetupError; a final status that could not be written is returned after
// the report.
func (p Publisher) Execute(ctx context.Context, plan Plan, o Options, w io.Writer, asJSON, warnToken bool) (Result, error) {
	p.Pending(ctx, plan)
	if warnToken {
		o.Runner.Annotate(runner.Annotation{Level: runner.Warning, Title: "hotfix verify", Message: tokenWarning})
	}
	res, err := Run(ctx, plan.Steps, o)
	if err != nil {
		return res, &SetupError{errors.Join(err, p.Fail(ctx, err))}
	}
	final := p.Final(ctx, res)
	if err := Report(w, o.Runner, plan, res, asJSON); err != nil {
		return res, errors.Join(err, final)
	}
	return res, final
}
