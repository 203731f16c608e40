package incident

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
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

// loginPattern is a GitHub login: letters, digits and single hyphens, at most 39 characters.
var loginPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,38}$`) })

// validLogin reports whether s can be a GitHub user's login.
func validLogin(s string) bool { return loginPattern().MatchString(s) }

// mention is @login, which pings the user, for a login that is valid; anything else is shown as
// text that pings no one.
func mention(login string) string {
	if validLogin(login) {
		return "@" + login
	}
	return markdown.Text("@" + login)
}

// person is a login for the summary's table, rendered as the log comments render it: @login
// for a valid login (a mention; GitHub notifies no one again when the summary is edited), else
// text that pings no one and can't break the table. "_none_" when empty.
func person(login string) string {
	if login == "" {
		return "_none_"
	}
	if validLogin(login) {
		return "@" + login
	}
	return markdown.Cell("@" + login)
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
