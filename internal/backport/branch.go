package backport

import (
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/refname"
)

// BranchName is the backport branch for a hotfix branch and a target:
// backport/<hotfix-slug>-to-<target>, with the target's slashes kept readable as dashes.
func BranchName(hotfixBranch, target string) string {
	name := hotfixBranch
	if i := strings.Index(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	return "backport/" + refname.Slug(name) + "-to-" + refname.Slug(target)
}
