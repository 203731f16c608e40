package verify

import (
	"context"
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// Publisher writes the hotfix/verify status around a run when there is a head to write it on
// (Status.Client set); otherwise every call is a no-op. A token that may not write statuses (a
// fork's pull request) gives a warning, not a failure: the summary and the exit code still tell
// the result.
type Publisher struct {
	Status Status
	Out    io.Writer        // the progress log
	Warn   func(msg string) // annotates a warning, besides the log line
}

func (p Publisher) active() bool { return p.Status.Client != nil }

// Pending marks the head as being verified; a failure to do so is only a warning.
func (p Publisher) Pending(ctx context.Context, plan Plan) {
	if p.active() {
		p.warn(p.Status.Pending(ctx, plan))
	}
}

// Final writes the verdict. It returns an error unless the token may not write statuses.
func (p Publisher) Final(ctx context.Context, res Result) error {
	if !p.active() {
		return nil
	}
	err := p.Status.Final(ctx, res)
	if gh.Kind(err) == gh.Forbidden {
		p.warn(err)
		return nil
	}
	if err == nil {
		fmt.Fprintf(p.Out, "status: %s %s on %s\n", Context, res.Verdict, p.Status.SHA)
	}
	return err
}

// Fail marks the head as not verifiable, for a policy with nothing to run or a bad step.
func (p Publisher) Fail(ctx context.Context, why error) error {
	if !p.active() {
		return nil
	}
	err := p.Status.Error(ctx, why.Error())
	if gh.Kind(err) == gh.Forbidden {
		p.warn(err)
		return nil
	}
	return err
}

// warn reports a status that could not be written, and why.
func (p Publisher) warn(err error) {
	if err == nil {
		return
	}
	msg := fmt.Sprintf("%v; the result is in the summary and the exit code (a fork's pull request gets a read-only token)", err)
	fmt.Fprintf(p.Out, "warning: %s\n", msg)
	if p.Warn != nil {
		p.Warn(msg)
	}
}

// NoVerdict is what Publish takes, besides Pass and Fail, when the verify job ended without a
// verdict (it failed before its steps finished, or was cancelled).
const NoVerdict = "error"

// Publish writes the status for a verdict reached elsewhere: by a run of the steps that held no
// token, whose job handed its verdict (and the description it wrote, when given) on to a job that
// may write statuses and runs no step.
func (s Status) Publish(ctx context.Context, verdict, failedStep, description string) error {
	switch {
	case description != "" && (verdict == Pass || verdict == Fail):
		return s.write(ctx, map[string]string{Pass: "success", Fail: "failure"}[verdict], gh.StatusDescription(description))
	}
	switch verdict {
	case Pass:
		return s.write(ctx, "success", "the verify steps passed")
	case Fail:
		if failedStep == "" {
			return s.write(ctx, "failure", "a verify step failed")
		}
		return s.write(ctx, "failure", gh.StatusDescription(fmt.Sprintf("step %s failed", failedStep)))
	case NoVerdict:
		return s.write(ctx, "error", "the verify job ended without a verdict")
	}
	return fmt.Errorf("verdict %q: want %s, %s or %s", verdict, Pass, Fail, NoVerdict)
}
