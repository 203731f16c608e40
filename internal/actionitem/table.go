package actionitem

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Status is an action item's state in the table.
type Status string

// Statuses, as the table shows them.
const (
	Open    Status = "open"
	Done    Status = "done"
	Overdue Status = "overdue"
	NoIssue Status = "no issue yet"
)

// Row is one row of the Action Items table: an item, or a row a person typed that has no issue.
type Row struct {
	Number int    // the item's issue; 0 for a typed row
	URL    string // the item's page
	Action string
	Owners []string
	Due    time.Time // the item's due day
	Typed  Typed     // the row as typed, when Number is 0
	Status Status
}

// Table is the whole Action Items section: its rows, and whether every item is closed.
type Table struct {
	Rows      []Row
	AllClosed bool
}

// Decide builds the table from a postmortem's items and the rows people typed that have no
// issue yet, with each item's status at now. A typed row that an item was made from is dropped:
// the item's own row replaces it.
func Decide(now time.Time, items []Item, typed []Typed) Table {
	items = slices.SortedFunc(slices.Values(items), func(a, b Item) int { return cmp.Compare(a.Number, b.Number) })
	made := map[string]bool{}
	var t Table
	for _, it := range items {
		made[it.Row] = true
		t.Rows = append(t.Rows, Row{Number: it.Number, URL: it.URL, Action: it.Title, Owners: it.Owners, Due: it.Due, Status: status(now, it)})
	}
	pending := 0
	for _, ty := range typed {
		if !made[ty.Hash()] {
			t.Rows = append(t.Rows, Row{Action: ty.Action, Typed: ty, Status: NoIssue})
			pending++
		}
	}
	t.AllClosed = len(items) > 0 && pending == 0 && !slices.ContainsFunc(items, func(it Item) bool { return it.Open })
	return t
}

// status is an item's status at now.
func status(now time.Time, it Item) Status {
	switch {
	case !it.Open:
		return Done
	case it.Overdue(now):
		return Overdue
	}
	return Open
}

// Render writes the table between the postmortem's markers, markers included.
func Render(t Table) string {
	var b strings.Builder
	b.WriteString(postmortem.ItemsStart + "\n| Action | Owner | Due | Status |\n|---|---|---|---|\n")
	if len(t.Rows) == 0 {
		b.WriteString("| _none yet_ | | | |\n")
	}
	for _, r := range t.Rows {
		b.WriteString(r.line() + "\n")
	}
	switch {
	case t.AllClosed && len(t.Rows) == 1:
		b.WriteString("\n✅ **The action item is closed.**\n")
	case t.AllClosed:
		fmt.Fprintf(&b, "\n✅ **All %d action items are closed.**\n", len(t.Rows))
	}
	b.WriteString(postmortem.ItemsEnd)
	return b.String()
}

// line is the row's Markdown.
func (r Row) line() string {
	if r.Number == 0 {
		return fmt.Sprintf("| %s | %s | %s | %s: comment `/create-action-items` |",
			markdown.Cell(r.Typed.Action), ownerCell(r.Typed.Owner), markdown.Cell(r.Typed.Due), r.Status)
	}
	owners := make([]string, 0, len(r.Owners))
	for _, o := range r.Owners {
		owners = append(owners, markdown.MentionCell(o))
	}
	action := fmt.Sprintf("[#%d](%s) %s", r.Number, r.URL, markdown.Cell(r.Action))
	return fmt.Sprintf("| %s | %s | %s | %s |", action, orDash(strings.Join(owners, ", ")), r.Due.Format(time.DateOnly), statusCell(r.Status))
}

// ownerCell is a typed Owner cell written again: one @login stays a mention, as the toolkit
// shows every person (markdown.MentionCell); anything else (a team, several names, prose) is
// text that pings no one.
func ownerCell(typed string) string {
	if login, ok := typedLogin(typed); ok && strings.HasPrefix(typed, "@") {
		return markdown.MentionCell(login)
	}
	return markdown.Cell(typed)
}

// typedLogin is the one login a typed Owner cell holds, with or without its @.
func typedLogin(typed string) (string, bool) {
	login := strings.TrimPrefix(typed, "@")
	return login, markdown.ValidLogin(login)
}

// statusCell makes an overdue status stand out.
func statusCell(s Status) string {
	if s == Overdue {
		return "**overdue**"
	}
	return string(s)
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Typed is a table row a person typed: its cells as they read, unescaped.
type Typed struct {
	Action, Owner, Due string
}

// Hash identifies the row by its action text, whatever its case and spacing: the key that keeps
// /create-action-items from making a second issue for it.
func (t Typed) Hash() string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(strings.Fields(t.Action), " "))))
	return hex.EncodeToString(sum[:])[:12]
}
