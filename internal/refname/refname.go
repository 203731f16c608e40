// Package refname makes and checks git branch names. Names made here from untrusted text (an
// incident title, a hotfix branch) are valid under git's rules, whatever the text holds.
// See https://git-scm.com/docs/git-check-ref-format
package refname

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// MaxSlug is the longest slug Slug makes, so branch names stay readable.
const MaxSlug = 48

// Slug turns free text into a lowercase, dash-separated slug of ASCII letters and digits, at most
// MaxSlug long. It returns "incident" when the text has no letters or digits at all.
func Slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
		if b.Len() >= MaxSlug {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > MaxSlug {
		s = strings.Trim(s[:MaxSlug], "-")
	}
	if s == "" {
		return "incident"
	}
	return s
}

// Check reports why name is not a valid branch name under git's rules, or nil when it is.
func Check(name string) error {
	why := Problem(name)
	if why == "" {
		why = globProblem(name)
	}
	if why != "" {
		return fmt.Errorf("branch name %q %s; a branch name follows git check-ref-format, e.g. main", name, why)
	}
	return nil
}

// globProblem says which glob character name holds, or "": a branch name can't hold one, a
// branch glob can.
func globProblem(name string) string {
	if i := strings.IndexAny(name, "*?[\\"); i >= 0 {
		return "contains " + strconv.Quote(name[i:i+1])
	}
	return ""
}

// Problem is the first of git's ref-format rules that s breaks, as a phrase ("contains \"..\""),
// or "" when it breaks none. It leaves out the glob characters * ? [ \, so that a branch glob
// such as hotfix/** is checked by the same rules as a branch name. It is the one ref-name
// checker: the policy's branch names, globs and tag prefixes use it too.
func Problem(s string) string {
	switch {
	case s == "":
		return "is empty"
	case s == "@":
		return "is \"@\""
	case strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/"):
		return "starts or ends with \"/\""
	case strings.HasSuffix(s, "."):
		return "ends with \".\" or \".lock\""
	}
	for _, bad := range []string{"..", "@{", "//"} {
		if strings.Contains(s, bad) {
			return "contains " + strconv.Quote(bad)
		}
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("~^:", r) {
			return "contains " + strconv.Quote(string(r))
		}
	}
	return componentProblem(s)
}

// componentProblem checks each /-separated component: none may start with "." (nor the first
// with "-", which git would read as an option) or end with ".lock".
func componentProblem(s string) string {
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, ".") {
		return "starts with \"-\" or \".\""
	}
	if strings.Contains(s, "/.") {
		return "contains \"/.\""
	}
	for _, part := range strings.Split(s, "/") {
		if strings.HasSuffix(part, ".lock") {
			return "ends with \".\" or \".lock\"" + where(part != s)
		}
	}
	return ""
}

// where says that a rule applies to a component, when it is not the whole name.
func where(component bool) string {
	if component {
		return " in a component"
	}
	return ""
}
