package hostile

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// mentionPattern is an @mention GitHub acts on: @login or @org/team after a non-word character.
var mentionPattern = regexp.MustCompile(`(?:^|[^A-Za-z0-9_\x60])@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9_.-]+)?)`)

// htmlComment is a hidden HTML comment, such as the toolkit's markers: GitHub renders nothing
// in it, so nothing in it pings.
var htmlComment = regexp.MustCompile(`(?s)<!--.*?-->`)

// pings lists the mentions in text, outside code and hidden comments, that are not in allowed.
func pings(text string, allowed ...string) []string {
	var out []string
	for _, m := range mentionPattern.FindAllStringSubmatch(withoutCode(htmlComment.ReplaceAllString(text, " ")), -1) {
		if !contains(allowed, m[1]) {
			out = append(out, "@"+m[1])
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// withoutCode is text with its code spans and fenced blocks blanked: nothing in them pings.
func withoutCode(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		if text[i] != '`' {
			b.WriteByte(text[i])
			i++
			continue
		}
		n := len(text[i:]) - len(strings.TrimLeft(text[i:], "`"))
		fence := text[i : i+n]
		end := closing(text[i+n:], fence)
		if end < 0 {
			b.WriteString(fence)
			i += n
			continue
		}
		b.WriteString(" ")
		i += n + end + n
	}
	return b.String()
}

// closing is the index in s of a backtick run exactly as long as fence, or -1.
func closing(s, fence string) int {
	for j := 0; j < len(s); {
		k := strings.Index(s[j:], fence)
		if k < 0 {
			return -1
		}
		at := j + k
		after := at + len(fence)
		if (at == 0 || s[at-1] != '`') && (after == len(s) || s[after] != '`') {
			return at
		}
		j = len(s) - len(strings.TrimLeft(s[after:], "`")) // past the longer run
	}
	return -1
}

// brokenRows lists the table rows, outside fenced blocks, whose unescaped pipes differ in number
// from their table's header.
func brokenRows(text string) []string {
	var out []string
	header := -1
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if fenced || !strings.HasPrefix(line, "|") {
			header = -1
			continue
		}
		n := unescapedPipes(line)
		if header < 0 {
			header = n
		} else if n != header {
			out = append(out, line)
		}
	}
	return out
}

// unescapedPipes counts the pipes that split a row: those no backslash escapes.
func unescapedPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			n++
		}
	}
	return n
}

// overLimit reports whether text is longer than GitHub allows for a body.
func overLimit(text string) bool { return utf8.RuneCountInString(text) > markdown.MaxBody }

// truncated reports whether text carries a note that says how much was cut: markdown.Truncate's
// at GitHub's limit, or the one incident.Clip adds to a long text it keeps in a body.
func truncated(text string) bool {
	return strings.Contains(text, "> Truncated: ") || strings.Contains(text, " characters cut)")
}
