// Package actionitem follows a postmortem's action items: issues with the action-item label and
// "Postmortem: #N" in their body. It decides the postmortem's Action Items table from them (owner,
// due date, status) and splices it between the postmortem's markers, touching nothing else.
package actionitem

import (
	"regexp"
	"strconv"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// DefaultDueDays is how many days after its postmortem opens an action item is due, by severity,
// when its body names no date.
var DefaultDueDays = map[string]int{"P0": 7, "P1": 14, "P2": 30, "P3": 60}

// UnknownSeverityDays is the due time, in days, of an item whose postmortem has no severity.
const UnknownSeverityDays = 30

// Item is one action item.
type Item struct {
	Number     int
	Title      string
	URL        string
	Owners     []string // the assignees' logins
	Open       bool
	Closed     time.Time // when it was closed; zero while open
	Postmortem int       // the postmortem it belongs to
	// Due is the day the item is due (midnight UTC). It is overdue from the next day on.
	Due time.Time
	// Row is the hash of the table row it was made from by /create-action-items, "" otherwise.
	Row string
}

var (
	postmortemRe = regexp.MustCompile(`(?im)^[ \t>*_-]*postmortem:[ \t]*#([0-9]{1,9})\b`)
	dueRe        = regexp.MustCompile(`(?im)^[ \t>*_-]*due:[ \t]*([0-9]{4}-[0-9]{2}-[0-9]{2})\b`)
	rowMarkerRe  = regexp.MustCompile(`<!-- hotfix:action-item postmortem=([0-9]+) row=([0-9a-f]{12}) -->`)
)

// PostmortemRef reads "Postmortem: #N" at the start of a line of an item's body; 0 when absent.
func PostmortemRef(body string) int {
	m := postmortemRe.FindStringSubmatch(body)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 0
	}
	return n
}

// DueDate reads "Due: YYYY-MM-DD" at the start of a line of an item's body. A date that is not
// a real day (2026-02-30) is ignored.
func DueDate(body string) (time.Time, bool) {
	m := dueRe.FindStringSubmatch(body)
	if m == nil {
		return time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, m[1])
	return d, err == nil
}

// rowHash reads the /create-action-items marker of an item made for postmortem from a row.
func rowHash(body string, postmortem int) string {
	for _, m := range rowMarkerRe.FindAllStringSubmatch(body, -1) {
		if m[1] == strconv.Itoa(postmortem) {
			return m[2]
		}
	}
	return ""
}

// Parent is what an item needs from its postmortem to know its default due date.
type Parent struct {
	Number   int
	Severity string    // P0..P3, or "" when unknown
	Opened   time.Time // when the postmortem was opened
}

// DefaultDue is the day an item of this postmortem is due when its body names none: the
// severity's days (days, else DefaultDueDays) after the postmortem opened.
func (p Parent) DefaultDue(days map[string]int) time.Time {
	n, ok := days[p.Severity]
	if !ok {
		n, ok = DefaultDueDays[p.Severity]
	}
	if !ok {
		n = UnknownSeverityDays
	}
	return day(p.Opened.AddDate(0, 0, n))
}

// FromIssue reads an action item of parent from its issue.
func FromIssue(is *github.Issue, parent Parent, days map[string]int) Item {
	due, ok := DueDate(is.GetBody())
	if !ok {
		due = parent.DefaultDue(days)
	}
	it := Item{Number: is.GetNumber(), Title: is.GetTitle(), URL: is.GetHTMLURL(), Open: is.GetState() != "closed",
		Postmortem: PostmortemRef(is.GetBody()), Due: due, Row: rowHash(is.GetBody(), parent.Number)}
	if !it.Open {
		it.Closed = is.GetClosedAt().Time
	}
	for _, a := range is.Assignees {
		it.Owners = append(it.Owners, a.GetLogin())
	}
	return it
}

// Deadline is the first instant the item is late: the start of the day after its due day.
func (it Item) Deadline() time.Time { return it.Due.AddDate(0, 0, 1) }

// Overdue reports whether the item is open past its due day at now.
func (it Item) Overdue(now time.Time) bool { return it.Open && !now.Before(it.Deadline()) }

// OnTime reports whether a closed item was closed by the end of its due day.
func (it Item) OnTime() bool { return !it.Open && it.Closed.Before(it.Deadline()) }

// Severity reads the severity/PN label of an issue (config.LabelSeverity); "" when it has none.
func Severity(is *github.Issue) string {
	return config.LabelSeverity(gh.LabelNames(is.Labels))
}

// day is t's calendar day in UTC, at midnight.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
