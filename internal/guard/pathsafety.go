package guard

import (
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/change"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// unsafePaths reports each file whose path, old or new, is absolute or holds an empty, . or ..
// component. Git never records such a path, so one comes from a forged or broken change set, and
// it could slip past the deny and allow globs (src/../.github/workflows/x.yml); it is always an
// error, whatever the rules' levels say.
func unsafePaths(set change.Set) []Finding {
	var out []Finding
	for _, f := range set.Files {
		for _, p := range paths(f) {
			if why := unsafePath(p); why != "" {
				out = append(out, Finding{Rule: "path", Level: config.LevelError, Path: f.Path,
					Message: fmt.Sprintf("%q %s, so the path rules can't be trusted; a change set names files by clean paths inside the repository", p, why)})
				break
			}
		}
	}
	return out
}

// unsafePath says what is wrong with p, or "".
func unsafePath(p string) string {
	if strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || (len(p) > 1 && p[1] == ':') {
		return "is an absolute path"
	}
	for _, part := range strings.Split(strings.ReplaceAll(p, `\`, "/"), "/") {
		switch part {
		case "", ".", "..":
			return fmt.Sprintf("has a %q component", part)
		}
	}
	return ""
}
