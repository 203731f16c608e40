package guard

import (
	"fmt"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// Tighten applies a caller's limits (0 keeps the policy's) to the policy's limits for the
// severity. They may only lower them, because the policy on the base branch is the authority and
// a hotfix must not loosen it. g is left with the one set of limits and no per-severity ones.
func Tighten(g *config.Guard, severity string, given config.Limits) error {
	l := g.LimitsFor(severity)
	for _, lim := range []struct {
		name          string
		given, policy *int
	}{
		{"max-lines", &given.MaxLines, &l.MaxLines},
		{"max-files", &given.MaxFiles, &l.MaxFiles},
		{"max-commits", &given.MaxCommits, &l.MaxCommits},
	} {
		if *lim.given > *lim.policy {
			return fmt.Errorf("--%s %d is looser than the policy's %d; a caller can only tighten limits, so raise them in the policy on the base branch", lim.name, *lim.given, *lim.policy)
		}
		if *lim.given > 0 {
			*lim.policy = *lim.given
		}
	}
	g.Limits, g.Severity = l, nil
	return nil
}
