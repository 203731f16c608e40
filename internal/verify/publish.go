package verify

import (
	"context"
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

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
