package config

import (
	"strings"
	"unicode"

	"github.com/bmatcuk/doublestar/v4"
)

// checkBranch returns why name is not a usable branch name, or "". It applies the rules of
// git check-ref-format that a policy author can break by mistake.
func checkBranch(name string) string {
	if why := checkRefText(name); why != "" {
		return "branch name " + quote(name) + " " + why + "; a branch name follows git check-ref-format, e.g. main"
	}
	if i := strings.IndexAny(name, "*?[\\"); i >= 0 {
		return "branch name " + quote(name) + " contains " + quote(name[i:i+1]) + "; a branch name follows git check-ref-format, e.g. main"
	}
	return ""
}

// checkBranchGlob returns why pattern is not a usable branch glob, or "".
func checkBranchGlob(pattern string) string {
	if why := checkRefText(pattern); why != "" {
		return "branch glob " + quote(pattern) + " " + why + "; write a glob such as hotfix/**"
	}
	if !doublestar.ValidatePattern(pattern) {
		return "branch glob " + quote(pattern) + " is not a valid glob; write a glob such as hotfix/**"
	}
	return ""
}

// checkRefText returns why s cannot be part of a ref name, or "".
func checkRefText(s string) string {
	switch {
	case s == "":
		return "is empty"
	case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "."):
		return "starts with \"-\" or \".\""
	case strings.HasPrefix(s, "/") || strings.HasSuffix(s, "/"):
		return "starts or ends with \"/\""
	case strings.HasSuffix(s, ".") || strings.HasSuffix(s, ".lock"):
		return "ends with \".\" or \".lock\""
	case s == "@":
		return "is \"@\""
	}
	for _, bad := range []string{"..", "@{", "//", "/."} {
		if strings.Contains(s, bad) {
			return "contains " + quote(bad)
		}
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("~^:", r) {
			return "contains " + quote(string(r))
		}
	}
	return ""
}

// checkPathGlob returns why pattern is not a usable path glob, or "". Paths are relative to the
// repository root, as git prints them.
func checkPathGlob(pattern string) string {
	switch {
	case pattern == "":
		return "path glob is empty; write a glob such as src/**"
	case strings.HasPrefix(pattern, "/") || strings.HasPrefix(pattern, "./"):
		return "path glob " + quote(pattern) + " starts with " + quote(pattern[:strings.Index(pattern, "/")+1]) +
			"; paths are relative to the repository root, e.g. src/**"
	case !doublestar.ValidatePattern(pattern):
		return "path glob " + quote(pattern) + " is not a valid glob; see https://github.com/bmatcuk/doublestar#patterns"
	}
	return ""
}
