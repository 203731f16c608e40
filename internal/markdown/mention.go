package markdown

import "strings"

// The one rule for showing a person in what the toolkit writes to GitHub:
//
//   - a login GitHub gave us, or one checked as a user's login, is shown as @login. That is a
//     mention: the person is notified where GitHub notifies for one (a new comment, a new issue
//     or pull request), which is what the toolkit wants for the people it names: the incident
//     commander, a declarer, an action item's owner, the assignee a reminder is for, whoever
//     applied an override label.
//   - anything else that looks like a person (a team such as @org/team, a name with a space or a
//     slash, a hostile string) is shown as text that pings no one, as all untrusted text is.
//
// Free text (titles, update texts, rows people typed) goes through Text or Cell, which stop
// every mention in it; only Mention and MentionCell ever write a live one.

// maxLogin is the longest login GitHub allows.
const maxLogin = 39

// ValidLogin reports whether s can be a GitHub user's login: 1 to 39 letters, digits and single
// hyphens, neither first nor last. A team (org/team) is not a login.
func ValidLogin(s string) bool {
	if s == "" || len(s) > maxLogin || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, c := range []byte(s) {
		if !isAlnum(c) && c != '-' {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Mention shows the person login (with or without its leading @) by the rule above: @login, a
// mention, when it is a valid login; else the text as it was given, pinging no one. "" for an
// empty login.
func Mention(login string) string {
	login = strings.TrimPrefix(login, "@")
	switch {
	case login == "":
		return ""
	case ValidLogin(login):
		return "@" + login
	}
	return Text("@" + login)
}

// MentionCell is Mention for a table cell: the text of an invalid login can't break the row.
func MentionCell(login string) string {
	login = strings.TrimPrefix(login, "@")
	if login == "" || ValidLogin(login) {
		return Mention(login)
	}
	return Cell("@" + login)
}
