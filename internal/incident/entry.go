package incident

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Entry types: each change to an incident is one entry in its log.
const (
	Declared     = "declared"
	Status       = "status"
	SeverityType = "severity"
	Commander    = "commander"
	ImpactStart  = "impact_start"
	Mitigated    = "mitigated"
	Timeline     = "timeline"
	Resolved     = "resolved"
	Linked       = "linked"
	Deployed     = "deployed"
)

// States an incident can be in. Resolved is also a state: the state after a resolved entry.
const (
	Investigating = "investigating"
	Identified    = "identified"
	Monitoring    = "monitoring"
)

// States are the states a status entry may set.
var States = []string{Investigating, Identified, Monitoring}

// Mitigations are the ways an incident is mitigated.
var Mitigations = []string{"rollback", "hotfix", "flag"}

// Entry is one event in an incident's log. Which fields are set depends on Type:
//
//	declared     Severity, Title, Service, Impact, Commander, ImpactStarted (optional), Branch (optional)
//	status       State (investigating|identified|monitoring), ETA (optional), Text
//	severity     Severity
//	commander    Login
//	impact_start At, the time the person gave
//	mitigated    How (rollback|hotfix|flag), Text; from /rollback also Kind "deploy" and Name, the tag deployed
//	timeline     Text
//	resolved     Text
//	linked       Kind (pr|tag|backport|postmortem|deploy), Number or Name, URL
//	deployed     Name (the release tag), Text (the environment), How (the run's conclusion), URL, At (GitHub's time)
//
// Source is the id of the comment whose command made the entry, so a rerun can tell that the
// command was already applied. Time, ID and Author come from the log comment, never from its JSON.
type Entry struct {
	V    int    `json:"v"`
	Type string `json:"type"`

	Severity      string    `json:"severity,omitempty"`
	Title         string    `json:"title,omitempty"`
	Service       string    `json:"service,omitempty"`
	Impact        string    `json:"impact,omitempty"`
	Commander     string    `json:"commander,omitempty"`
	ImpactStarted time.Time `json:"impact_started,omitzero"`
	Branch        string    `json:"branch,omitempty"`
	State         string    `json:"state,omitempty"`
	ETA           string    `json:"eta,omitempty"`
	Text          string    `json:"text,omitempty"`
	Login         string    `json:"login,omitempty"`
	At            time.Time `json:"at,omitzero"`
	How           string    `json:"how,omitempty"`
	Kind          string    `json:"kind,omitempty"`
	Number        int       `json:"number,omitempty"`
	Name          string    `json:"name,omitempty"`
	URL           string    `json:"url,omitempty"`
	// SHA is the merge commit of a hotfix PR's link (At is when it merged, Opened when it was
	// opened), so that a later fix's postmortem places this one on its timeline too.
	SHA    string    `json:"sha,omitempty"`
	Opened time.Time `json:"opened,omitzero"`
	Source int64     `json:"source,omitempty"`
	// Posted is when the command comment (Source) was posted: the entry's place in the log, so
	// that commands handled at once, or a rerun handled late, take the order people gave them.
	Posted time.Time `json:"posted,omitzero"`

	// Time is the log comment's created_at on the server: the time of the event.
	Time time.Time `json:"-"`
	// ID is the log comment's id, and Author its author's login.
	ID     int64  `json:"-"`
	Author string `json:"-"`
	// Message is the text for people that follows the marker in the log comment.
	Message string `json:"-"`
}

// Version is the log format version written in every entry.
const Version = 1

// markerStart opens the hidden marker a log comment starts with.
const markerStart = "<!-- hotfix:log "

// Body is the log comment for e: the hidden marker with e as JSON, then e.Message, cut to
// GitHub's limit with a note (the marker comes first, so it survives). encoding/json escapes <, >
// and &, so no text in the entry can close the comment early. Keep the entry's text short with
// Clip: the message carries the full text for people.
func Body(e Entry) (string, error) {
	e.V = Version
	data, err := json.Marshal(e)
	if err != nil {
		return "", fmt.Errorf("encode the %s log entry: %w", e.Type, err)
	}
	body := markerStart + string(data) + " -->\n" + cmp.Or(e.Message, defaultMessage(e))
	return markdown.Truncate(body), nil
}

// defaultMessage is the sentence a log comment shows when its writer gave none, so that no
// comment on the incident looks blank: the link's, or the entry's type.
func defaultMessage(e Entry) string {
	if e.Type == Linked {
		return linkText(e) + "."
	}
	return fmt.Sprintf("Log entry: %s.", e.Type)
}

// errNotEntry says that a comment is not a log entry.
var errNotEntry = errors.New("not a log entry")

// Parse reads the entry from a log comment's body, which must start with the marker. Message is
// the rest of the body; Time, ID and Author are left for the caller.
func Parse(body string) (Entry, error) {
	rest, ok := strings.CutPrefix(body, markerStart)
	if !ok {
		return Entry{}, errNotEntry
	}
	data, msg, ok := strings.Cut(rest, "-->")
	if !ok {
		return Entry{}, fmt.Errorf("log marker is not closed: %w", errNotEntry)
	}
	var e Entry
	dec := json.NewDecoder(bytes.NewReader([]byte(data)))
	if err := dec.Decode(&e); err != nil {
		return Entry{}, fmt.Errorf("log marker: %w", err)
	}
	if e.V != Version || e.Type == "" {
		return Entry{}, fmt.Errorf("log marker version %d type %q: %w", e.V, e.Type, errNotEntry)
	}
	if e.Message = strings.TrimPrefix(msg, "\n"); e.Message == defaultMessage(e) {
		e.Message = "" // the sentence Body gave an entry that had none
	}
	return e, nil
}
