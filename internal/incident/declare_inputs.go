package incident

import (
	"cmp"
	"fmt"
	"strings"
	"time"
)

// Given is a declaration as a person gave it, on the command line or as workflow_dispatch inputs,
// before it is checked: the times and the branch choice still text.
type Given struct {
	Declaration
	ImpactStarted string // RFC 3339
	CreateBranch  string // "true" or "false"
}

// DeclarationFrom is the declaration the flags give, each falling back to the dispatch input of
// the same name (impact_started, create_branch) and the commander to actor, checked against the
// scale at now.
func DeclarationFrom(flags Given, inputs map[string]string, actor string, runID int64, scale Scale, now time.Time) (Declaration, error) {
	in := func(flagValue, name string) string {
		return cmp.Or(strings.TrimSpace(flagValue), strings.TrimSpace(inputs[name]))
	}
	d := Declaration{RunID: runID,
		Title: in(flags.Title, "title"), Severity: in(flags.Severity, "severity"), Service: in(flags.Service, "service"),
		Impact: in(flags.Impact, "impact"), Commander: cmp.Or(in(flags.Commander, "commander"), strings.TrimSpace(actor))}
	if s := in(flags.ImpactStarted, "impact_started"); s != "" {
		at, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return d, fmt.Errorf("impact_started %q is not an RFC 3339 time, such as 2026-03-04T09:40:00Z", s)
		}
		d.ImpactStarted = at.UTC()
	}
	branch := strings.ToLower(in(flags.CreateBranch, "create_branch"))
	if branch != "" && branch != "true" && branch != "false" {
		return d, fmt.Errorf("create_branch %q is not true or false", branch)
	}
	d.CreateBranch = branch == "true"
	return d.Check(scale, now)
}
