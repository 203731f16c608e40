// Package remind finds what is overdue and says so on its issue: an open incident with no update
// within its severity's cadence, a postmortem past its due date, and an action item past its due
// day (on the item, and a line on its postmortem). Each reminder carries the window it belongs to
// in a hidden marker, so no reminder is repeated within its window, whoever reruns the schedule.
package remind

import (
	"cmp"
	"slices"
	"time"
)

// Kind is what a reminder is about.
type Kind string

// Reminder kinds.
const (
	Update     Kind = "update"      // an incident's status update is overdue
	Postmortem Kind = "postmortem"  // a postmortem is past its due date
	ActionItem Kind = "action-item" // an action item is past its due day
)

// Incident is an open incident.
type Incident struct {
	Number     int
	Severity   string
	Commander  string
	LastUpdate time.Time // the latest update, or the declaration
}

// Review is an open postmortem.
type Review struct {
	Number int
	Due    time.Time
	Owners []string // its assignees
}

// Item is an open action item.
type Item struct {
	Number     int
	Title      string
	Postmortem int
	Owners     []string
	Due        time.Time // the due day
	Deadline   time.Time // the first instant it is late
}

// Facts are the open incidents, postmortems and action items.
type Facts struct {
	Incidents []Incident
	Reviews   []Review
	Items     []Item
}

// Options set how often reminders come.
type Options struct {
	// Cadence is each severity's longest gap between updates; defaultCadence for one not set.
	Cadence map[string]time.Duration
	// PostmortemEvery and ItemEvery are the windows of overdue postmortems and action items.
	PostmortemEvery, ItemEvery time.Duration
}

// defaultCadence is the update cadence by severity.
var defaultCadence = map[string]time.Duration{"P0": 30 * time.Minute, "P1": time.Hour, "P2": 4 * time.Hour, "P3": 24 * time.Hour}

// Default windows: an overdue postmortem is reminded daily, an overdue action item weekly.
const (
	DefaultPostmortemEvery = 24 * time.Hour
	DefaultItemEvery       = 7 * 24 * time.Hour
)

// Reminder is one comment to post, unless its window already has it.
type Reminder struct {
	Kind  Kind
	Issue int // the issue the comment goes on
	// Item is the action item a line on its postmortem is about; 0 otherwise.
	Item int
	// Window is the start of the window the reminder belongs to; Since is when the thing fell due.
	Window, Since time.Time
	Every         time.Duration
	Mentions      []string
	Severity      string
	Title         string
	Postmortem    int
	Due           time.Time
}

// Decide lists the reminders due at now: one per overdue thing and window, plus a line on the
// postmortem of each overdue action item. It is pure.
func Decide(now time.Time, f Facts, o Options) []Reminder {
	var out []Reminder
	for _, in := range f.Incidents {
		every := o.cadence(in.Severity)
		if w, ok := window(now, in.LastUpdate.Add(every), every); ok && !in.LastUpdate.IsZero() {
			out = append(out, Reminder{Kind: Update, Issue: in.Number, Window: w, Since: in.LastUpdate, Every: every, Mentions: logins(in.Commander), Severity: in.Severity})
		}
	}
	for _, pm := range f.Reviews {
		if w, ok := window(now, pm.Due, or(o.PostmortemEvery, DefaultPostmortemEvery)); ok {
			out = append(out, Reminder{Kind: Postmortem, Issue: pm.Number, Window: w, Since: pm.Due, Mentions: pm.Owners, Due: pm.Due})
		}
	}
	for _, it := range f.Items {
		if w, ok := window(now, it.Deadline, or(o.ItemEvery, DefaultItemEvery)); ok {
			r := Reminder{Kind: ActionItem, Issue: it.Number, Window: w, Since: it.Deadline, Mentions: it.Owners, Title: it.Title, Postmortem: it.Postmortem, Due: it.Due}
			line := r
			line.Issue, line.Item, line.Mentions = it.Postmortem, it.Number, nil
			out = append(out, r, line)
		}
	}
	slices.SortStableFunc(out, func(a, b Reminder) int { return cmp.Compare(a.Issue, b.Issue) })
	return out
}

// window is the start of the window of length every that now falls in, counting from since;
// false before since.
func window(now, since time.Time, every time.Duration) (time.Time, bool) {
	if since.IsZero() || now.Before(since) || every <= 0 {
		return time.Time{}, false
	}
	k := now.Sub(since) / every
	return since.Add(k * every).UTC(), true
}

func (o Options) cadence(severity string) time.Duration {
	if d := o.Cadence[severity]; d > 0 {
		return d
	}
	if d := defaultCadence[severity]; d > 0 {
		return d
	}
	return defaultCadence["P3"]
}

func or(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

func logins(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
