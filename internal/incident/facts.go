package incident

import (
	"net/url"
	"strings"
	"time"
)

// factsPrefix starts the hidden line of the summary that holds the record's metric facts.
const factsPrefix = "<!-- hotfix:metrics "

// factTimes are the timestamps the facts line keeps, by key.
var factTimes = []struct {
	key string
	at  func(*Record) *time.Time
}{
	{"impact_start", func(r *Record) *time.Time { return &r.ImpactStart }},
	{"declared", func(r *Record) *time.Time { return &r.Declared }},
	{"acknowledged", func(r *Record) *time.Time { return &r.Acknowledged }},
	{"mitigated", func(r *Record) *time.Time { return &r.Mitigated }},
	{"resolved", func(r *Record) *time.Time { return &r.Resolved }},
}

// factsLine is the summary's hidden line with what metrics need: the severity and the
// timestamps to the second, so that a report reads them from the issue list, not from each log.
// A record not yet all in the log (declare's draft, timed by the runner's clock) gets none.
func factsLine(r Record) string {
	if !r.complete() {
		return ""
	}
	v := url.Values{"severity": {r.Severity}}
	for _, f := range factTimes {
		if t := *f.at(&r); !t.IsZero() {
			v.Set(f.key, t.UTC().Format(time.RFC3339))
		}
	}
	return factsPrefix + v.Encode() + " -->\n"
}

// withoutFacts is body with its hidden facts and state lines removed, to compare what people
// see: the lines alone never cost an edit (they change alone only from declare's draft to the
// log's seconds, or for entries that change nothing a person sees, which fold the same again).
func withoutFacts(body string) string {
	return withoutLine(withoutLine(body, factsPrefix), stateStart)
}

// withoutLine is body without the hidden line opened by prefix at the top of its summary.
func withoutLine(body, prefix string) string {
	start := strings.Index(body, SummaryStart+"\n")
	if start < 0 || !strings.HasPrefix(body[start+len(SummaryStart)+1:], prefix) {
		return body
	}
	from := start + len(SummaryStart) + 1
	end := strings.Index(body[from:], " -->\n")
	if end < 0 {
		return body
	}
	return body[:from] + body[from+end+len(" -->\n"):]
}

// FromBody reads the facts line of the summary in an incident issue's body: the record with
// its Number, Severity and timestamps. ok is false when the body has no such line, or a value
// on it can't be read: then only the log says.
func FromBody(number int, body string) (Record, bool) {
	start := strings.Index(body, SummaryStart+"\n"+factsPrefix)
	if start < 0 {
		return Record{}, false
	}
	line := body[start+len(SummaryStart)+1+len(factsPrefix):]
	enc, _, ok := strings.Cut(line, " -->\n")
	v, err := url.ParseQuery(enc)
	if !ok || err != nil || v.Get("severity") == "" {
		return Record{}, false
	}
	r := Record{Number: number, Severity: v.Get("severity")}
	for _, f := range factTimes {
		if s := v.Get(f.key); s != "" {
			t, err := time.Parse(time.RFC3339, s)
			if err != nil {
				return Record{}, false
			}
			*f.at(&r) = t
		}
	}
	return r, true
}
