// Package markdown makes untrusted text safe to place in the GitHub-flavoured Markdown that the
// toolkit writes: no mentions that ping, no broken tables, no hidden markers, and no body over
// GitHub's size limit.
package markdown

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxBody is GitHub's limit on an issue, pull request or comment body, in characters.
const MaxBody = 65536

// mentionReplacer stops @mentions: a zero-width space after the @ stops the ping and still reads
// as @name.
var mentionReplacer = strings.NewReplacer("@", "@&#8203;")

// commentEnd and commentStart neutralise HTML comments, which the toolkit uses for its own hidden
// markers. They run in that order, as two passes: one pass would leave "-->" in "<!-->", where
// the two overlap.
var (
	commentEnd   = strings.NewReplacer("-->", "--&gt;")
	commentStart = strings.NewReplacer("<!--", "&lt;!--")
)

// Text makes untrusted text safe for running Markdown: no mention pings and no HTML comment opens
// or closes.
func Text(s string) string {
	return commentStart.Replace(commentEnd.Replace(mentionReplacer.Replace(s)))
}

// lineReplacer removes what breaks a table row: the pipe and line breaks. A space or a backslash
// can't join the text around it into a comment delimiter, so it runs after Text.
var lineReplacer = strings.NewReplacer(
	"|", `\|`,
	"\r\n", " ",
	"\n", " ",
	"\r", " ",
)

// Cell makes untrusted text safe for one table cell.
func Cell(s string) string { return lineReplacer.Replace(Text(s)) }

// Code puts s in an inline code span that s itself can't close, for paths and refs.
func Code(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || s == "" {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// CodeCell is Code for a table cell: the pipe is escaped too, which GitHub honours in code spans.
func CodeCell(s string) string { return strings.ReplaceAll(Code(s), "|", `\|`) }

// Truncate cuts body to GitHub's limit, ending it with a note that says how much was cut. Bodies
// within the limit are returned as they are.
func Truncate(body string) string {
	total := utf8.RuneCountInString(body)
	if total <= MaxBody {
		return body
	}
	note := func(n int) string {
		return fmt.Sprintf("\n\n> [!NOTE]\n> Truncated: %d characters were cut to fit GitHub's limit of %d.\n", n, MaxBody)
	}
	keep := MaxBody - utf8.RuneCountInString(note(total))
	return body[:byteOffset(body, keep)] + note(total-keep)
}

// byteOffset is where the nth character of s starts. The bytes before it are kept as they are,
// even ones that are not valid UTF-8, so a cut body is always a prefix of the whole.
func byteOffset(s string, n int) int {
	off := 0
	for range n {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	return off
}
