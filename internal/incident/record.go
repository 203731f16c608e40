package incident

import (
	"fmt"
	"slices"
	"time"
)

// Record is an incident as its log says it is now: the log folded, oldest entry first.
//
// The JSON form is the summary's state line (checkpoint.go): what the fold carries forward,
// without the events, the entries and the sources.
type Record struct {
	Number    int    `json:"-"`
	Title     string `json:"title,omitempty"`
	Severity  string `json:"severity,omitempty"`
	Service   string `json:"service,omitempty"`
	Impact    string `json:"impact,omitempty"`
	Commander string `json:"commander,omitempty"`
	Branch    string `json:"branch,omitempty"` // the hotfix branch declare cut, "" when none
	State     string `json:"state,omitempty"`  // investigating, identified, monitoring or resolved
	Open      bool   `json:"open,omitempty"`

	// The timestamps, kept apart; a zero time is unknown. Acknowledged is the first status entry.
	ImpactStart  time.Time `json:"impact_start,omitzero"`
	Declared     time.Time `json:"declared,omitzero"`
	Acknowledged time.Time `json:"acknowledged,omitzero"`
	Mitigated    time.Time `json:"mitigated,omitzero"`
	Resolved     time.Time `json:"resolved,omitzero"`

	MitigatedHow string     `json:"mitigated_how,omitempty"`
	ETA          string     `json:"eta,omitempty"` // the ETA of the latest status entry, "" when none
	Events       []Event    `json:"-"`
	Links        []Artifact `json:"links,omitempty"`
	// Deploys are the deploy outcomes recorded: Kind is the conclusion, Name the tag.
	Deploys []Artifact `json:"deploys,omitempty"`
	// LastUpdate is the time of the latest entry written by a person's command or by declare
	// (links are not updates); the update cadence counts from it.
	LastUpdate time.Time `json:"last_update,omitzero"`
	// Sources are the ids of the command comments already applied.
	Sources []int64 `json:"-"`
	// Entries are the entries folded, in the order they were folded.
	Entries []Entry `json:"-"`

	// Where the fold stands, so that it can go on from the summary (continued).
	Newest time.Time `json:"newest,omitzero"`  // the server time of the newest entry folded
	Recent []Stamp   `json:"recent,omitempty"` // the entries folded within rescanSlack of Newest
	Last   Stamp     `json:"last"`             // the last entry in fold order
	// Shown are the summary's timeline rows from before Events, oldest first, and Hidden the
	// events before them that it no longer showed: set only on a record continued from a summary.
	Shown  []string `json:"-"`
	Hidden int      `json:"hidden,omitempty"`
}

// Event is one line of the incident's timeline.
type Event struct {
	At   time.Time
	Type string
	Text string
	// Who is the person Text ends with, as @login, shown as a mention in the summary.
	Who string
}

// Artifact is an object joined to the incident: its hotfix PR, tag, backport or postmortem.
type Artifact struct {
	Kind   string    `json:"kind"`
	Number int       `json:"number,omitempty"`
	Name   string    `json:"name,omitempty"`
	URL    string    `json:"url,omitempty"`
	At     time.Time `json:"at"`
	// SHA, Opened and Merged are a hotfix PR's merge commit and times, when its link kept them.
	SHA    string    `json:"sha,omitempty"`
	Opened time.Time `json:"opened,omitzero"`
	Merged time.Time `json:"merged,omitzero"`
}

// Has reports whether the command in comment id was already applied.
func (r Record) Has(id int64) bool { return id != 0 && slices.Contains(r.Sources, id) }

// Linked reports whether the record already links an object of kind with number or name.
func (r Record) Linked(kind string, number int, name string) bool {
	return slices.ContainsFunc(r.Links, func(l Artifact) bool {
		return l.Kind == kind && l.Number == number && (number > 0 || l.Name == name) // a numbered link's name only describes it
	})
}

// Fold is the record the entries make, applied in time order (comment id breaks ties). It is
// pure: the same entries in any order make the same record.
func Fold(entries []Entry) Record {
	sorted := inOrder(entries)
	var r Record
	for _, e := range sorted {
		r.apply(e)
	}
	r.Entries = sorted
	r.prune()
	return r
}

// inOrder is entries sorted in fold order: by order, then source, then comment id.
func inOrder(entries []Entry) []Entry {
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(a, b Entry) int { return stampOf(a).compare(stampOf(b)) })
	return sorted
}

// order is the entry's place in the log: when its command was posted, else when it was written.
func (e Entry) order() time.Time {
	if !e.Posted.IsZero() {
		return e.Posted
	}
	return e.Time
}

// apply folds one entry into the record.
func (r *Record) apply(e Entry) {
	r.mark(e)
	if e.Source != 0 {
		r.Sources = append(r.Sources, e.Source)
	}
	if e.Type == Declared && !r.Declared.IsZero() {
		return // a second declared entry, from a rerun, changes nothing
	}
	if f, ok := folds[e.Type]; ok {
		f(r, e)
	}
	if e.Type != Linked && e.Type != Deployed {
		r.LastUpdate = e.Time
	}
}

// folds says what each entry type does to the record.
var folds = map[string]func(*Record, Entry){
	Declared:     foldDeclared,
	Status:       foldStatus,
	SeverityType: func(r *Record, e Entry) { r.Severity = e.Severity; r.event(e, "Severity changed to "+e.Severity) },
	Commander:    func(r *Record, e Entry) { r.Commander = e.Login; r.eventBy(e, "Commander is now", e.Login) },
	ImpactStart:  func(r *Record, e Entry) { r.ImpactStart = e.At; r.event(e, "Impact start set to "+utc(e.At)) },
	Mitigated:    foldMitigated,
	Timeline:     func(r *Record, e Entry) { r.event(e, e.Text) },
	Resolved:     foldResolved,
	Linked:       foldLinked,
	Deployed:     foldDeployed,
}

func foldDeclared(r *Record, e Entry) {
	r.Title, r.Severity, r.Service, r.Impact, r.Commander, r.Branch = e.Title, e.Severity, e.Service, e.Impact, e.Commander, e.Branch
	r.Declared, r.State, r.Open = e.Time, Investigating, true
	if r.ImpactStart.IsZero() {
		r.ImpactStart = e.ImpactStarted
	}
	r.eventBy(e, "Declared "+e.Severity+" by", e.Commander)
}

// foldStatus sets the state; a status after the resolution reopens the incident.
func foldStatus(r *Record, e Entry) {
	if r.Acknowledged.IsZero() {
		r.Acknowledged = e.Time
	}
	if !r.Open && !r.Resolved.IsZero() {
		r.Resolved = time.Time{}
		r.event(e, "Reopened")
	}
	r.State, r.ETA, r.Open = e.State, e.ETA, true
	r.event(e, joinText("Status: "+e.State, e.Text))
}

// foldMitigated keeps the first mitigation's time and how; later ones are timeline events. An
// incident still investigating or identified is now monitored.
func foldMitigated(r *Record, e Entry) {
	if r.Mitigated.IsZero() {
		r.Mitigated, r.MitigatedHow = e.Time, e.How
	}
	if r.Open && (r.State == Investigating || r.State == Identified) {
		r.State = Monitoring
	}
	r.event(e, joinText("Mitigated by "+e.How, e.Text))
}

func foldResolved(r *Record, e Entry) {
	r.Resolved, r.State, r.Open, r.ETA = e.Time, Resolved, false, ""
	r.event(e, joinText("Resolved", e.Text))
}

func foldLinked(r *Record, e Entry) {
	if r.Linked(e.Kind, e.Number, e.Name) {
		return
	}
	r.Links = append(r.Links, Artifact{Kind: e.Kind, Number: e.Number, Name: e.Name, URL: e.URL, At: e.Time, SHA: e.SHA, Opened: e.Opened, Merged: e.At})
	r.event(e, linkText(e))
}

// linkText describes a link for the timeline.
func linkText(e Entry) string {
	if e.Kind == "deploy" {
		return "Deploy of " + e.Name + " dispatched"
	}
	what := map[string]string{"pr": "Hotfix PR", "tag": "Tag", "backport": "Backport PR", "postmortem": "Postmortem"}[e.Kind]
	if what == "" {
		what = e.Kind
	}
	if e.Number > 0 {
		return fmt.Sprintf("%s #%d linked", what, e.Number)
	}
	return fmt.Sprintf("%s %s linked", what, e.Name)
}

func (r *Record) event(e Entry, text string) {
	r.Events = append(r.Events, Event{At: e.Time, Type: e.Type, Text: text})
}

// eventBy adds an event whose text ends with a person: "Declared P1 by @alice".
func (r *Record) eventBy(e Entry, text, login string) {
	r.Events = append(r.Events, Event{At: e.Time, Type: e.Type, Text: text + " @" + login, Who: login})
}

func joinText(head, text string) string {
	if text == "" {
		return head
	}
	return head + ": " + text
}

// utc formats a time the one way the incident shows times.
func utc(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }
