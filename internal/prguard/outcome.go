package prguard

import (
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Overridden is the verdict shown for a failing result that a granted override passes.
const Overridden = "pass (overridden)"

// Outcome is the guard's result on GitHub with the override that applies to it.
type Outcome struct {
	Result   guard.Result
	Override Override
	Heading  guard.Heading
	SHA      string // the head commit judged, which carries the status
}

// Shown is the result as reported: an overridden pass says so in its verdict.
func (o Outcome) Shown() guard.Result {
	res := o.Result
	if o.Override.granted {
		res.Verdict = Overridden
	}
	return res
}

// state is the commit status state for the verdict.
func (o Outcome) state() string {
	if o.Result.Verdict == guard.Fail {
		return "failure"
	}
	return "success"
}

// description sums the outcome up in GitHub's 140 characters.
func (o Outcome) description() string {
	res := o.Result
	size := markdown.Count(res.ChangedFiles, "file") + ", " + markdown.Count(res.ChangedLines(), "line")
	var d string
	switch {
	case o.Override.granted:
		d = fmt.Sprintf("PASS by override of %s: %s; %s", o.Override.by, asWarnings(o.Override.errors), size)
	case res.Verdict == guard.Fail:
		d = fmt.Sprintf("FAIL: %s (%s); %s", markdown.Count(res.Errors(), "error"), strings.Join(failedRules(res), ", "), size)
	case res.Warnings() > 0:
		d = fmt.Sprintf("PASS with %s; %s", markdown.Count(res.Warnings(), "warning"), size)
	default:
		d = "PASS: " + size
	}
	return gh.StatusDescription(d)
}

// failedRules lists the rules with an error, once each, in the order found.
func failedRules(res guard.Result) []string {
	var rules []string
	for _, f := range res.Findings {
		if f.Level == config.LevelError && !slices.Contains(rules, f.Rule) {
			rules = append(rules, f.Rule)
		}
	}
	return rules
}

// commentBody is the guard's PR comment: the marker, the result and the override note.
func (o Outcome) commentBody() string {
	return markdown.Truncate(Marker + "\n" + o.Override.bindingLine() + o.Result.Markdown(o.Heading) + o.Override.Note())
}

// asWarnings says how many failures an override turned into warnings.
func asWarnings(n int) string {
	if n == 1 {
		return "1 failure as a warning"
	}
	return fmt.Sprintf("%d failures as warnings", n)
}
