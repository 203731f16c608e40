package remind

import (
	"fmt"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Marker is the hidden marker of a reminder: its kind, the item a postmortem line is about, and
// the start of its window. A comment carrying it means the window has its reminder.
func Marker(r Reminder) string {
	item := ""
	if r.Item > 0 {
		item = fmt.Sprintf(" item=%d", r.Item)
	}
	return fmt.Sprintf("<!-- hotfix:remind kind=%s%s window=%s -->", r.Kind, item, r.Window.UTC().Format(time.RFC3339))
}

// Message is the reminder's comment, its marker first.
func Message(r Reminder) string {
	var body string
	switch {
	case r.Kind == Update:
		body = fmt.Sprintf("⏰ **Update overdue.** This %s incident has had no update since %s; its cadence is an update every %s. %s\n",
			orText(r.Severity, "unknown-severity"), postmortem.UTC(r.Since), human(r.Every),
			ask(r.Mentions, "please post one with "+statusForm+".", "Nobody is commander: set one with `/commander @user`, and post an update with "+statusForm+"."))
	case r.Kind == Postmortem:
		body = fmt.Sprintf("⏰ **Postmortem overdue.** It was due %s. %s\n", postmortem.UTC(r.Due),
			ask(r.Mentions, "please fill in the sections marked ✍️, review the action items, and close this issue when the review is done.", "It has no assignee: assign its author."))
	case r.Item > 0:
		body = fmt.Sprintf("⏰ Action item #%d (%s) is overdue: it was due %s.\n", r.Item, markdown.Text(oneLine(r.Title)), r.Due.Format(time.DateOnly))
	default:
		body = fmt.Sprintf("⏰ **Action item overdue.** It was due %s (postmortem #%d). %s\n", r.Due.Format(time.DateOnly), r.Postmortem,
			ask(r.Mentions, "please close it when it is done, or agree a new date and put `Due: YYYY-MM-DD` in its description.", "It has no owner: assign one."))
	}
	return Marker(r) + "\n" + body
}

// statusForm is the form of the update command.
const statusForm = "`/status investigating|identified|monitoring [eta 30m] <text>`"

// ask addresses request to the logins, or says none when there is nobody to ask.
func ask(logins []string, request, none string) string {
	if m := mentions(logins); m != "" {
		return m + ", " + request
	}
	return none
}

// mentions shows the logins by the toolkit's one rule for people (markdown.Mention): a valid
// login is a mention, which is the point of a reminder; anything else (a team, a malformed name)
// is text that pings no one.
func mentions(logins []string) string {
	var out []string
	for _, l := range logins {
		if m := markdown.Mention(l); m != "" {
			out = append(out, m)
		}
	}
	return strings.Join(out, ", ")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// human is a cadence as people say it: 30m, 1h, 1d.
func human(d time.Duration) string {
	switch {
	case d >= 24*time.Hour && d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d >= time.Hour && d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	}
	return postmortem.Human(d)
}
