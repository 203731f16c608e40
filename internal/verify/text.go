package verify

import (
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// WriteText prints where the steps came from, why, and each step.
func (p Plan) WriteText(w io.Writer) {
	fmt.Fprintf(w, "steps: %s\n", p.Source)
	for _, n := range p.Notes {
		fmt.Fprintf(w, "  %s\n", n)
	}
	for i, s := range p.Steps {
		fmt.Fprintf(w, "%d. %s: %s\n", i+1, s.Name, s.Run)
	}
}

// DryRunLine says what a dry run would have run.
func (p Plan) DryRunLine() string {
	return fmt.Sprintf("dry run: would run %s, and ran none", markdown.Count(len(p.Steps), "step"))
}

// WriteText prints the verdict, and the step that failed.
func (res Result) WriteText(w io.Writer) {
	fmt.Fprintf(w, "verdict: %s\n", res.Verdict)
	if res.FailedStep != "" {
		fmt.Fprintf(w, "failed step: %s\n", res.FailedStep)
	}
}

// FailureMessage is the error annotation for the step that failed; "" when none did.
func (res Result) FailureMessage() string {
	if res.FailedStep == "" {
		return ""
	}
	return fmt.Sprintf("hotfix verify: step %q %s", res.FailedStep, finalDescription(res))
}

// Outputs are verify's step outputs: verdict, failed_step and description (the status text,
// for a job that publishes it).
func (res Result) Outputs() map[string]string {
	return map[string]string{"verdict": res.Verdict, "failed_step": res.FailedStep, "description": finalDescription(res)}
}
