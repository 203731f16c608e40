package verify

import (
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Markdown renders the step summary: the verdict, where the steps came from, and a table of
// step, result, duration and exit code.
func Markdown(p Plan, res Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### hotfix verify: %s\n\n", res.Verdict)
	fmt.Fprintf(&b, "Steps: %s.\n", sourceText(p.Source))
	for _, n := range p.Notes {
		fmt.Fprintf(&b, "- %s\n", markdown.Text(n))
	}
	if len(res.Steps) == 0 {
		return b.String()
	}
	b.WriteString("\n| Step | Result | Duration | Exit code |\n|---|---|---|---:|\n")
	for _, s := range res.Steps {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", markdown.Cell(s.Name), markdown.Cell(resultText(s)), duration(s), exitText(s))
	}
	fmt.Fprintf(&b, "\nTotal: %s.\n", Elapsed(res.Duration))
	return b.String()
}

// sourceText says where the steps came from.
func sourceText(source string) string {
	switch source {
	case "policy":
		return "from verify.steps in the policy on the base branch"
	case "detected":
		return "detected from the repository, since the policy lists none"
	}
	return "none"
}

// resultText is a step's result for people: the outcome, with why and whether it may fail.
func resultText(s StepResult) string {
	text := string(s.Outcome)
	if s.Outcome == TimedOut || s.Outcome == Cancelled {
		text = s.Message
	}
	if s.Allowed {
		text += " (allowed to fail)"
	}
	return text
}

func duration(s StepResult) string {
	if s.Outcome == Skipped {
		return "–"
	}
	return Elapsed(s.Duration)
}

func exitText(s StepResult) string {
	if s.ExitCode < 0 {
		return "–"
	}
	return fmt.Sprint(s.ExitCode)
}

// pendingDescription is the status description while the steps run.
func pendingDescription(p Plan) string {
	names := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		names[i] = s.Name
	}
	return gh.StatusDescription(fmt.Sprintf("running %d %s: %s", len(p.Steps), plural(len(p.Steps), "step"), strings.Join(names, ", ")))
}

// finalDescription is the status description once the run is over.
func finalDescription(res Result) string {
	if res.Verdict == Fail {
		for _, s := range res.Steps {
			if s.Name == res.FailedStep {
				return gh.StatusDescription(fmt.Sprintf("%s %s after %s%s", s.Name, s.Outcome, Elapsed(s.Duration), exitNote(s)))
			}
		}
	}
	text := fmt.Sprintf("%d %s passed in %s", len(res.Steps), plural(len(res.Steps), "step"), Elapsed(res.Duration))
	if len(res.Steps) == 0 {
		text = "no verify steps: the policy lists none and turns detection off"
	}
	for _, s := range res.Steps {
		if s.Allowed {
			text += "; " + s.Name + " failed but may fail"
		}
	}
	return gh.StatusDescription(text)
}

func exitNote(s StepResult) string {
	if s.Outcome != Failed || s.ExitCode < 0 {
		return ""
	}
	return fmt.Sprintf(" (exit code %d)", s.ExitCode)
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
