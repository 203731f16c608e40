// Package refname makes and checks git branch names. Names made here from untrusted text (an
// incident title, a hotfix branch) are valid under git's rules, whatever the text holds.
// See https://git-scm.com/docs/git-check-ref-format
package refname

import (
	"fmt"
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
	if reason := invalid(name); reason != "" {
		return fmt.Errorf("branch name %q is not valid: %s", name, reason)
	}
	return nil
}

// invalid is the first of git's ref-format rules that name breaks, or "".
func invalid(name string) string {
	switch {
	case name == "" || name == "@":
		return "it is empty or @"
	case strings.HasPrefix(name, "-"):
		return "it starts with -"
	case strings.HasPrefix(name, "/") || strings.HasSuffix(name, "/") || strings.Contains(name, "//"):
		return "it has an empty path component"
	case strings.HasSuffix(name, "."):
		return "it ends with ."
	case strings.Contains(name, "..") || strings.Contains(name, "@{"):
		return "it contains .. or @{"
	case strings.ContainsAny(name, " ~^:?*[\\"):
		return `it contains one of space ~ ^ : ? * [ \`
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return "it contains a control character"
		}
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || strings.HasSuffix(part, ".lock") {
			return "a component starts with . or ends with .lock"
		}
	}
	return ""
}
