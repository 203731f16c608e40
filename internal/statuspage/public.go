package statuspage

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// mentionPattern is an @mention of a GitHub user or team in free text.
var mentionPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(^|[^A-Za-z0-9_.` + "`" + `])@[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9])*(?:/[A-Za-z0-9_.-]+)?`)
})

// Withheld replaces a person's @mention in published text.
const Withheld = "[name withheld]"

// withhold is free text with every @mention replaced by Withheld.
func withhold(s string) string {
	return mentionPattern().ReplaceAllString(s, "${1}"+Withheld)
}

// withholdNames is in with every @mention in its title and messages withheld.
func withholdNames(in Incident) Incident {
	in.Title = withhold(in.Title)
	in.Updates = slices.Clone(in.Updates)
	for i, u := range in.Updates {
		lines := make([]string, len(u.Lines))
		for j, l := range u.Lines {
			lines[j] = withhold(l)
		}
		in.Updates[i].Lines = lines
	}
	return in
}

// text is a message's free text, as published: split in lines, blank lines dropped.
func text(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Updates are the stakeholder messages of a record, newest first, with people's names withheld:
// the initial alert, each status update and mitigation, and the resolution. Nothing else in the
// log is published.
func Updates(r incident.Record) []Update {
	return withholdNames(Incident{Updates: messages(r)}).Updates
}

// messages are Updates with people's names as written.
func messages(r incident.Record) []Update {
	var out []Update
	state := incident.Investigating
	for _, e := range r.Entries {
		u, ok := publish(r, e, &state)
		if ok {
			u.ID = fmt.Sprintf("%d-%d", r.Number, len(out)+1)
			out = append([]Update{u}, out...)
		}
	}
	return out
}

// publish is the public message of one entry, and whether the entry has one; state is the
// incident's state so far, which status entries change.
func publish(r incident.Record, e incident.Entry, state *string) (Update, bool) {
	switch e.Type {
	case incident.Declared:
		return alert(e, r.Service), true
	case incident.Status:
		*state = e.State
		return update(e, *state), true
	case incident.Mitigated:
		return update(e, *state), true
	case incident.Resolved:
		*state = incident.Resolved
		return resolution(r, e), true
	}
	return Update{}, false
}

// alert is the Initial Alert, worded as incident.Alert words it, without the people.
func alert(e incident.Entry, service string) Update {
	lines := []string{fmt.Sprintf("We are investigating an incident affecting %s.", orUnknown(service))}
	lines = append(lines, "Impact: "+orUnknown(oneLine(e.Impact)))
	if !e.ImpactStarted.IsZero() {
		lines = append(lines, "Impact started: "+utc(e.ImpactStarted))
	}
	return Update{Kind: "Initial Alert", Status: incident.Investigating, At: e.Time, Lines: lines}
}

// update is an Update message for a status entry or a mitigation, as incident.Update words it.
func update(e incident.Entry, state string) Update {
	lines := []string{"Status: " + title(state)}
	if e.Type == incident.Mitigated {
		lines = append(lines, "Mitigated: by "+e.How)
	}
	if e.ETA != "" {
		lines = append(lines, "ETA: "+oneLine(e.ETA))
	}
	return Update{Kind: "Update", Status: state, At: e.Time, Lines: append(lines, text(e.Text)...)}
}

// resolution is the Resolution message, as incident.Resolution words it.
func resolution(r incident.Record, e incident.Entry) Update {
	lines := []string{fmt.Sprintf("The incident affecting %s is resolved.", orUnknown(r.Service))}
	if d := lasted(r, e.Time); d != "" {
		lines = append(lines, "Duration: "+d)
	}
	return Update{Kind: "Resolution", Status: incident.Resolved, At: e.Time, Lines: append(lines, text(e.Text)...)}
}

// lasted is how long the impact lasted until end, from impact start, else from declared.
func lasted(r incident.Record, end time.Time) string {
	start := r.ImpactStart
	if start.IsZero() {
		start = r.Declared
	}
	if start.IsZero() || end.Before(start) {
		return ""
	}
	return postmortem.Human(end.Sub(start))
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return "not known yet"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func utc(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// title is a state as a word for people: "Identified".
func title(s string) string {
	if s == "" {
		return "Unknown"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
