package cli

import (
	"slices"

	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
	"github.com/incident-hotfix/incident-hotfix/internal/verify"
)

// outputs lists the step outputs each command writes, in the order the action metadata lists
// them, from the package that writes them where it declares them. The commands write their
// outputs through runner.SetOutputs with this list, which refuses a name missing here, and a
// test checks every action.yml against this table, so the two cannot drift apart.
var outputs = map[string][]string{
	"guard":        guard.OutputNames(),
	"verify":       verify.OutputNames(),
	"release":      release.OutputNames(),
	"backport":     {"backport_prs"},
	"postmortem":   {"postmortem_issue"},
	"incident":     incident.OutputNames(),
	"action-items": {"changed", "all_closed"},
	"remind":       {"posted"},
	"report":       nil, // the report goes to the job summary
}

// Outputs lists the step outputs that command writes, in order; nil for a command that writes
// none or is not in the table. Run writes the outputs of whichever commands its route ran.
func Outputs(command string) []string {
	if command != "run" {
		return slices.Clone(outputs[command])
	}
	var all []string
	for _, c := range runRoutes {
		for _, o := range outputs[c] {
			if !slices.Contains(all, o) {
				all = append(all, o)
			}
		}
	}
	return all
}
