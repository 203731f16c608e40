package guard

import (
	"fmt"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/incident-hotfix/incident-hotfix/internal/change"
)

// deny reports each file, old or new path, that matches a deny glob. Deny wins over allow.
func deny(in input) []Finding {
	globs := in.guard.DenyGlobs()
	var out []Finding
	for _, f := range in.set.Files {
		for _, p := range paths(f) {
			if g, ok := firstMatch(globs, p); ok {
				out = append(out, Finding{Path: f.Path, Message: fmt.Sprintf("%s matches the deny glob %q", p, g)})
				break
			}
		}
	}
	return out
}

// allow reports each file outside the allow list, when the list is not empty. A denied file is
// reported by deny alone.
func allow(in input) []Finding {
	if len(in.guard.Allow) == 0 {
		return nil
	}
	denied := in.guard.DenyGlobs()
	var out []Finding
	for _, f := range in.set.Files {
		for _, p := range paths(f) {
			if _, ok := firstMatch(denied, p); ok {
				break
			}
			if _, ok := firstMatch(in.guard.Allow, p); !ok {
				out = append(out, Finding{Path: f.Path, Message: fmt.Sprintf("%s is outside the allow list (%s)", p, strings.Join(in.guard.Allow, ", "))})
				break
			}
		}
	}
	return out
}

// paths is the file's path, and its old path for a rename or copy.
func paths(f change.File) []string {
	if f.OldPath != "" && f.OldPath != f.Path {
		return []string{f.Path, f.OldPath}
	}
	return []string{f.Path}
}

// firstMatch returns the first glob that matches path. The policy validates globs, so a bad one
// here matches nothing.
func firstMatch(globs []string, path string) (string, bool) {
	for _, g := range globs {
		if ok, _ := doublestar.Match(g, path); ok {
			return g, true
		}
	}
	return "", false
}
