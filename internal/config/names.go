package config

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/incident-hotfix/incident-hotfix/internal/refname"
)

// checkBranch returns why name is not a usable branch name, or "". It applies the rules of
// git check-ref-format, through refname, the one ref-name checker.
func checkBranch(name string) string {
	why := refname.Problem(name)
	if i := strings.IndexAny(name, "*?[\\"); why == "" && i >= 0 {
		why = "contains " + quote(name[i:i+1])
	}
	if why != "" {
		return "branch name " + quote(name) + " " + why + "; a branch name follows git check-ref-format, e.g. main"
	}
	return ""
}

// checkBranchGlob returns why pattern is not a usable branch glob, or "".
func checkBranchGlob(pattern string) string {
	if why := refname.Problem(pattern); why != "" {
		return "branch glob " + quote(pattern) + " " + why + "; write a glob such as hotfix/**"
	}
	if !doublestar.ValidatePattern(pattern) {
		return "branch glob " + quote(pattern) + " is not a valid glob; write a glob such as hotfix/**"
	}
	return ""
}

// checkPathGlob returns why pattern is not a usable path glob, or "". Paths are relative to the
// repository root, as git prints them.
func checkPathGlob(pattern string) string {
	switch {
	case strings.TrimSpace(pattern) == "":
		return "path glob is empty; write a glob such as src/**"
	case strings.ContainsFunc(pattern, unicode.IsControl):
		return "path glob " + quote(pattern) + " holds a control character such as a line break; write one glob per list item, e.g. src/**"
	case strings.HasPrefix(pattern, "/") || strings.HasPrefix(pattern, "./"):
		return "path glob " + quote(pattern) + " starts with " + quote(pattern[:strings.Index(pattern, "/")+1]) +
			"; paths are relative to the repository root, e.g. src/**"
	case !doublestar.ValidatePattern(pattern):
		return "path glob " + quote(pattern) + " is not a valid glob; see https://github.com/bmatcuk/doublestar#patterns"
	}
	return ""
}

// checkTagPrefix returns why prefix cannot start a tag name such as v1.2.3, or "". The empty
// prefix is valid. The prefix is checked as the start of a tag name, so "api/" is valid, and it
// must not end in a digit, which would run into the version.
func checkTagPrefix(prefix string) string {
	if prefix == "" {
		return ""
	}
	why := refname.Problem(prefix + "1.0.0")
	if i := strings.IndexAny(prefix, "*?[\\"); i >= 0 {
		why = "contains " + quote(prefix[i:i+1])
	} else if last := prefix[len(prefix)-1]; last >= '0' && last <= '9' {
		why = "ends with a digit, which runs into the version"
	}
	if why != "" {
		return "tag prefix " + quote(prefix) + " " + why + `; a tag prefix goes before the version in a tag name, e.g. v, api/v, or "" for none`
	}
	return ""
}

// MaxLabel is the longest label name GitHub accepts, in characters.
const MaxLabel = 50

// labelHint ends every label problem with the valid form.
const labelHint = "; a label is 1 to 50 characters without commas, e.g. postmortem"

// checkLabel returns why name is not a label name GitHub accepts and searches can name, or "".
func checkLabel(name string) string {
	switch {
	case name == "":
		return "label is empty" + labelHint
	case utf8.RuneCountInString(name) > MaxLabel:
		return "label " + quote(name) + " is longer than 50 characters" + labelHint
	case strings.TrimSpace(name) != name:
		return "label " + quote(name) + " starts or ends with a space" + labelHint
	case strings.Contains(name, ","):
		return "label " + quote(name) + " contains \",\", which separates labels in issue searches" + labelHint
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return "label " + quote(name) + " contains " + quote(string(r)) + labelHint
		}
	}
	return ""
}

// checkTemplatePath returns why path cannot name the postmortem template, or "". The empty path
// means the built-in template.
func checkTemplatePath(path string) string {
	if path == "" {
		return ""
	}
	if why := checkRepoPath(path); why != "" {
		return "template path " + quote(path) + " " + why +
			`; write a path from the repository root, e.g. .github/postmortem.md, or "" for the built-in template`
	}
	return ""
}

// checkRepoPath returns why path is not a file path relative to the repository root, as git
// prints it, or "".
func checkRepoPath(path string) string {
	switch {
	case path == "":
		return "is empty"
	case strings.HasPrefix(path, "/"):
		return "starts with \"/\""
	case strings.HasSuffix(path, "/"):
		return "ends with \"/\""
	}
	for _, part := range strings.Split(path, "/") {
		switch part {
		case "":
			return "contains \"//\""
		case ".", "..":
			return "has a " + quote(part) + " component"
		}
	}
	for _, r := range path {
		if unicode.IsControl(r) || r == '\\' {
			return "contains " + quote(string(r))
		}
	}
	return ""
}
