package incident

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// FuzzParse reads arbitrary comment bodies as log entries: Parse never panics, an entry it
// accepts has the current version and a type, and writing that entry back gives a body that
// parses to the same entry. The seeds are testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Add(`<!-- hotfix:log {"v":1,"type":"status","state":"identified","text":"db"} -->` + "\nStatus: identified")
	f.Add(`<!-- hotfix:log {"v":1,"type":"resolved"} --> --> <!-- hotfix:log {"v":1,"type":"declared"} -->`)
	f.Fuzz(func(t *testing.T, body string) {
		e, err := Parse(body)
		if err != nil {
			return
		}
		if e.V != Version || e.Type == "" {
			t.Fatalf("Parse(%q) accepted version %d type %q", body, e.V, e.Type)
		}
		checkRoundTrip(t, e)
	})
}

// FuzzBody builds entries from arbitrary text and checks Parse(Body(e)) == e for every entry
// whose body fits GitHub's limit, and that no text can add a second comment end to the marker.
func FuzzBody(f *testing.F) {
	f.Add(Status, "--> <!-- hotfix:log {\"v\":1,\"type\":\"resolved\"} -->", "@org/team | `$(touch canary)`", int64(1767225600))
	f.Add(Declared, "Checkout \u2028 fails\r\n", "\n\nleading lines", int64(-62135596800))
	f.Add(Linked, "v1.2.4", "", int64(253402300799))
	f.Fuzz(func(t *testing.T, typ, text, message string, unix int64) {
		at := time.Unix(unix, 0).UTC()
		e := Entry{Type: typ, Text: text, Title: text, Login: text, At: at, ImpactStarted: at, Message: message}
		if typ == "" || !utf8.ValidString(typ) || !utf8.ValidString(text) || !utf8.ValidString(message) {
			return // JSON replaces invalid UTF-8, and Parse refuses an entry without a type
		}
		checkRoundTrip(t, e)
	})
}

// checkRoundTrip writes e as a log comment and reads it back.
func checkRoundTrip(t *testing.T, e Entry) {
	t.Helper()
	body, err := Body(e)
	if err != nil {
		return // a time JSON can't hold (a year outside 0–9999)
	}
	if n := utf8.RuneCountInString(body); n > markdown.MaxBody {
		t.Fatalf("Body is %d characters, over GitHub's limit", n)
	}
	if !strings.HasPrefix(body, markerStart) || strings.Count(body[:strings.Index(body, "-->")+3], "-->") != 1 {
		t.Fatalf("Body does not start with one closed marker:\n%.300s", body)
	}
	got, err := Parse(body)
	if err != nil {
		t.Fatalf("Parse(Body(e)) of %+v: %v", e, err)
	}
	want := e
	want.V = Version
	if kept, _, cut := strings.Cut(got.Message, "\n\n> [!NOTE]\n> Truncated: "); cut && !strings.Contains(e.Message, "> Truncated: ") {
		if !strings.HasPrefix(e.Message, kept) {
			t.Fatalf("the cut message is not the start of the message")
		}
		want.Message = got.Message // cut to GitHub's limit, with a note
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Parse(Body(e)) (-got +want):\n%s", diff)
	}
}

// FuzzFold folds arbitrary entries, parsed from bodies where they parse and taken as raw text
// where they don't. Fold never panics, keeps every entry, writes at most two timeline events per
// entry (a status that reopens adds "Reopened"), keeps a resolved incident closed, and gives the same record for the entries in any order.
func FuzzFold(f *testing.F) {
	f.Add(`<!-- hotfix:log {"v":1,"type":"declared","severity":"P1"} -->`+"\x00"+`<!-- hotfix:log {"v":1,"type":"resolved"} -->`+"\x00"+"status", uint32(7))
	f.Add("declared\x00declared\x00linked\x00linked", uint32(0))
	f.Fuzz(func(t *testing.T, joined string, stamps uint32) {
		entries := fuzzEntries(joined, stamps)
		r := Fold(entries)
		if len(r.Entries) != len(entries) || len(r.Events) > 2*len(entries) {
			t.Fatalf("Fold kept %d entries and %d events of %d", len(r.Entries), len(r.Events), len(entries))
		}
		if r.State == Resolved && r.Open {
			t.Errorf("a resolved incident is open: %+v", r)
		}
		reversed := slices.Clone(entries)
		slices.Reverse(reversed)
		if diff := cmp.Diff(Fold(reversed), r); diff != "" {
			t.Errorf("Fold depends on the order of the entries (-reversed +given):\n%s", diff)
		}
	})
}

// fuzzEntries splits joined at NUL into entries with distinct ids and times that often tie.
func fuzzEntries(joined string, stamps uint32) []Entry {
	base := time.Date(2026, 3, 4, 9, 0, 0, 0, time.UTC)
	var out []Entry
	for i, part := range strings.Split(joined, "\x00") {
		e, err := Parse(part)
		if err != nil {
			e = Entry{Type: part, Text: part, Kind: part, State: part}
		}
		e.ID = int64(i + 1)
		e.Time = base.Add(time.Duration(stamps>>(i%30)&3) * time.Minute)
		out = append(out, e)
	}
	return out
}

// FuzzParseCommand reads arbitrary comments as commands. ParseCommand never panics; a command it
// accepts makes an entry of a known type with its text clipped, which the log can hold and read
// back; a refusal is short, whatever the comment's length, so the reply stays readable.
func FuzzParseCommand(f *testing.F) {
	f.Add("/status identified eta 30m the db\nmore")
	f.Add("/commander @org/team")
	f.Add("/severity " + strings.Repeat("P", 3000))
	f.Fuzz(func(t *testing.T, body string) {
		now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
		e, err := ParseCommand(body, now, Severities)
		if err != nil {
			if n := utf8.RuneCountInString(err.Error()); n > 600 {
				t.Fatalf("ParseCommand's refusal is %d characters long: %.200s…", n, err)
			}
			return
		}
		if !slices.Contains([]string{Status, SeverityType, Commander, ImpactStart, Mitigated, Timeline, Resolved}, e.Type) {
			t.Fatalf("ParseCommand(%q) made an entry of type %q", body, e.Type)
		}
		if utf8.RuneCountInString(e.Text) > MaxText+40 || e.At.After(now) {
			t.Fatalf("ParseCommand(%q) = %+v: text over the limit or a time in the future", body, e)
		}
		if e.Type == Commander && !validLogin(e.Login) {
			t.Fatalf("ParseCommand(%q) made %q the commander", body, e.Login)
		}
		if utf8.ValidString(body) {
			checkRoundTrip(t, e)
		}
	})
}
