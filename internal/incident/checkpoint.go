package incident

import (
	"cmp"
	"encoding/json"
	"math"
	"slices"
	"strings"
	"time"
)

// stateStart opens the summary's hidden state line: the record as JSON, where its fold stands,
// so that an update reads only the log's tail and goes on from there (continued).
const stateStart = "<!-- hotfix:state "

// Stamp places an entry: At is its order (when its command was posted, else when it was
// written) in Last, and its server time in Recent.
type Stamp struct {
	At     time.Time `json:"at"`
	Source int64     `json:"source,omitempty"`
	ID     int64     `json:"id"`
}

// stampOf is e's place in fold order.
func stampOf(e Entry) Stamp { return Stamp{At: e.order(), Source: e.Source, ID: e.ID} }

// compare orders stamps as Fold orders entries.
func (s Stamp) compare(t Stamp) int {
	return cmp.Or(s.At.Compare(t.At), cmp.Compare(s.Source, t.Source), cmp.Compare(s.ID, t.ID))
}

// mark moves the fold's position to e, the entry applied last.
func (r *Record) mark(e Entry) {
	r.Last = stampOf(e)
	if e.Time.After(r.Newest) {
		r.Newest = e.Time
	}
	r.Recent = append(r.Recent, Stamp{At: e.Time, ID: e.ID})
}

// prune keeps in Recent only the entries within rescanSlack of Newest.
func (r *Record) prune() {
	r.Recent = slices.DeleteFunc(r.Recent, func(s Stamp) bool { return r.before(s.At) })
}

// before reports whether t is older than the log's tail that a re-read covers.
func (r Record) before(t time.Time) bool { return t.Before(r.Newest.Add(-rescanSlack)) }

// folded reports whether r already holds e: it is among the recent entries, or older than them
// (a checkpoint holds every entry written more than rescanSlack before its newest, as rescan assumes).
func (r Record) folded(e Entry) bool {
	return r.before(e.Time) || slices.ContainsFunc(r.Recent, func(s Stamp) bool { return s.ID == e.ID })
}

// continued is r with the entries of fresh that it has not folded applied in fold order. ok is
// false when one of them comes before the last entry r folded: only Fold of the whole log can
// place it. The new record's Entries are the entries it applied.
func (r Record) continued(fresh []Entry) (Record, bool) {
	var add []Entry
	for _, e := range fresh {
		if !r.folded(e) {
			add = append(add, e)
		}
	}
	add = inOrder(add)
	if len(add) > 0 && stampOf(add[0]).compare(r.Last) <= 0 {
		return r, false
	}
	next := r
	next.Events, next.Links, next.Sources = slices.Clone(r.Events), slices.Clone(r.Links), slices.Clone(r.Sources)
	next.Recent, next.Entries = slices.Clone(r.Recent), add
	for _, e := range add {
		next.apply(e)
	}
	next.prune()
	return next, true
}

// comesBefore reports whether a command posted at posted as comment id would be folded before
// r's last entry, so that r can't go on from there.
func (r Record) comesBefore(posted time.Time, id int64) bool {
	return Stamp{At: posted, Source: id, ID: math.MaxInt64}.compare(r.Last) <= 0
}

// complete reports whether every entry of r is in the log with its server time: declare's
// draft is not, and gets neither the facts line nor the state line.
func (r Record) complete() bool {
	return (len(r.Entries) > 0 || !r.Newest.IsZero()) && !slices.ContainsFunc(r.Entries, func(e Entry) bool { return e.ID == 0 })
}

// stateLine is the summary's hidden state line for r, whose timeline leaves hidden events out.
// encoding/json escapes <, > and &, so no text in the record can close the comment early.
func stateLine(r Record, hidden int) string {
	if !r.complete() || r.Newest.IsZero() {
		return ""
	}
	r.Hidden = hidden
	data, err := json.Marshal(r)
	if err != nil || len(data) > maxState {
		return "" // updates then read the whole log, as before the line
	}
	return stateStart + string(data) + " -->\n"
}

// maxState bounds the state line, so that the summary keeps its place in a body GitHub cuts at
// 65,536 characters; the entries Clip their text, so a record fits unless a hand-made one is huge.
const maxState = 16 << 10

// timelineHead opens the summary's timeline table.
const timelineHead = "| Time | Event |\n|---|---|\n"

// fromSummary is the record that the summary in body keeps: its state line, and the timeline
// rows it shows. ok is false when there is no summary with a state line that reads.
func fromSummary(number int, body string) (Record, bool) {
	start, end := strings.Index(body, SummaryStart), strings.Index(body, SummaryEnd)
	if start < 0 || end < start {
		return Record{}, false
	}
	summary := body[start:end]
	_, line, ok := strings.Cut(summary, "\n"+stateStart)
	data, _, closed := strings.Cut(line, " -->\n")
	_, table, hasTable := strings.Cut(summary, timelineHead)
	var r Record
	if !ok || !closed || !hasTable || json.Unmarshal([]byte(data), &r) != nil || r.Newest.IsZero() {
		return Record{}, false
	}
	shown, ok := rows(table)
	r.Number, r.Shown = number, shown
	return r, ok
}

// rows are the lines of the timeline table's body; ok is false when one is not a row the
// summary writes (| time | event |), as after a hand edit: then the log says.
func rows(table string) ([]string, bool) {
	var out []string
	if table == "" {
		return nil, true
	}
	for line := range strings.SplitSeq(strings.TrimSuffix(table, "\n"), "\n") {
		at, _, ok := strings.Cut(strings.TrimPrefix(line, "| "), " | ")
		if _, err := time.Parse("2006-01-02 15:04 UTC", at); err != nil || !ok || !strings.HasSuffix(line, " |") {
			return nil, false
		}
		out = append(out, line)
	}
	return out, true
}
