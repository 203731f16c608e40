package incident

import (
	"fmt"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Limits on the text an entry keeps; the message for people keeps all of it, up to GitHub's limit.
const (
	MaxTitle = 200  // runes of a title; GitHub's own limit is 256
	MaxText  = 2000 // runes of any other text in an entry
)

// Clip cuts s to n runes, saying how many were cut.
func Clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + fmt.Sprintf(" … (%d characters cut)", len(r)-n)
}

// oneLine joins s's words with single spaces: for titles and other one-line fields.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// validLogin reports whether s can be a GitHub user's login (markdown.ValidLogin).
func validLogin(s string) bool { return markdown.ValidLogin(s) }

// mention shows a person in running text by the toolkit's one rule (markdown.Mention): @login,
// a mention, for a valid login; anything else is text that pings no one. "_none_" when empty.
func mention(login string) string {
	if login == "" {
		return "_none_"
	}
	return markdown.Mention(login)
}

// person is a login for the summary's table, by the same rule (markdown.MentionCell), so the
// summary and the log comments show a person alike. "_none_" when empty.
func person(login string) string {
	if login == "" {
		return "_none_"
	}
	return markdown.MentionCell(login)
}

// cell is untrusted text for a table cell, cut to a length a summary can carry.
func cell(s string) string {
	if strings.TrimSpace(s) == "" {
		return "_not given_"
	}
	return markdown.Cell(Clip(oneLine(s), 300))
}

// stateName is the state as a heading word: "Investigating".
func stateName(s string) string {
	if s == "" {
		return "Unknown"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// span is a cadence or window for people: 30m, 1h, 24h, 1h30m.
func span(d time.Duration) string {
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%dm", h, m)
}
