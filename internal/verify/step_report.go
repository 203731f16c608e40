package verify

import (
	"errors"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// OutputNames are the step outputs of `hotfix verify`, in order.
func OutputNames() []string { return []string{"verdict", "failed_step", "description"} }

// tokenWarning says that a token sits in the environment of hotfix verify while the steps run: a
// step can read it from /proc/<pid>/environ of its parent, however clean its own environment is.
const tokenWarning = "a GitHub token is in the environment of hotfix verify, where a verify step can read it from /proc/<parent>/environ; run the steps without a token and write the status with --publish from a job that runs no step (the shipped workflow does)"

// Report prints the verdict, as JSON or for people, annotates a failure as an error, and writes
// the job summary and the outputs verdict, failed_step and description (the status text, for a
// job that publishes it).
func Report(w io.Writer, r *runner.Runner, plan Plan, res Result, asJSON bool) error {
	if asJSON {
		if err := runner.WriteJSON(w, res); err != nil {
			return err
		}
	} else {
		res.WriteText(w)
	}
	if msg := res.FailureMessage(); msg != "" {
		r.Error(msg)
	}
	return errors.Join(r.Summary(Markdown(plan, res)), r.SetOutputs("verify", OutputNames(), res.Outputs()))
}
