// Package guard checks that a hotfix is a minimal change. Each rule has a stable id, reads a change
// set and the policy, and returns findings; Check runs them all and does no I/O. Report prints the
// verdict and writes the step outputs. The package reads git only through internal/change and
// links no HTTP client, so the guard on a checkout (cmd/hotfix-guard) starts quickly; the
// guard's behaviour on GitHub around the verdict is internal/prguard's.
package guard

import (
	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// Verdicts.
const (
	Pass = "pass"
	Fail = "fail"
)

// Finding is one rule's objection to the change. Path is empty for a finding about the whole change.
type Finding struct {
	Rule    string       `json:"rule"`
	Path    string       `json:"path"`
	Message string       `json:"message"`
	Level   config.Level `json:"level"`
}

// Result is the guard's verdict on a change set.
type Result struct {
	Verdict      string        `json:"verdict"`
	ChangedFiles int           `json:"changed_files"`
	Additions    int           `json:"additions"`
	Deletions    int           `json:"deletions"`
	Commits      int           `json:"commits"`
	Severity     string        `json:"severity,omitempty"`
	Limits       config.Limits `json:"limits"`
	Findings     []Finding     `json:"findings"`
}

// ChangedLines is additions plus deletions, the figure max-lines limits.
func (r Result) ChangedLines() int { return r.Additions + r.Deletions }

// Errors counts the findings that fail the verdict.
func (r Result) Errors() int { return r.count(config.LevelError) }

// Warnings counts the findings that only warn.
func (r Result) Warnings() int { return r.count(config.LevelWarn) }

func (r Result) count(l config.Level) int {
	n := 0
	for _, f := range r.Findings {
		if f.Level == l {
			n++
		}
	}
	return n
}

// rule is one check: it returns its findings with Rule and Level left for Check to fill in.
type rule struct {
	id    string
	check func(in input) []Finding
}

// input is what every rule reads.
type input struct {
	set    change.Set
	guard  config.Guard
	limits config.Limits
}

// rules lists every rule in the order findings are reported.
var rules = []rule{
	{"max-lines", maxLines},
	{"max-files", maxFiles},
	{"max-commits", maxCommits},
	{"deny", deny},
	{"allow", allow},
	{"no-renames", noRenames},
	{"no-whitespace-only", noWhitespaceOnly},
	{"no-binary", noBinary},
	{"no-mode-change", noModeChange},
	{"no-deletions", noDeletions},
	{"no-merge-commits", noMergeCommits},
}

// Check runs every rule that the policy leaves on, for an incident of the given severity (empty
// when there is none), and returns the verdict.
func Check(set change.Set, g config.Guard, severity string) Result {
	in := input{set: set, guard: g, limits: g.LimitsFor(severity)}
	res := Result{
		Verdict: Pass, ChangedFiles: len(set.Files), Additions: set.Additions(), Deletions: set.Deletions(),
		Commits: len(set.Commits), Severity: severity, Limits: in.limits, Findings: []Finding{},
	}
	if set.Incomplete != "" {
		res.Findings = append(res.Findings, Finding{Rule: "complete", Message: "the file list is incomplete, so the limits can't be checked: " + set.Incomplete, Level: config.LevelError})
	}
	res.Findings = append(res.Findings, unsafePaths(set)...)
	for _, r := range rules {
		level := g.RuleLevel(r.id)
		if level == config.LevelOff {
			continue
		}
		for _, f := range r.check(in) {
			f.Rule, f.Level = r.id, level
			res.Findings = append(res.Findings, f)
		}
	}
	if res.Errors() > 0 {
		res.Verdict = Fail
	}
	return res
}
