package incident

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// longLog is a declaration then n entries of every kind, a minute apart: more events than the
// summary shows, links, and a mitigation.
func longLog(n int) []Entry {
	entries := []Entry{declared(at(9, 0), 1)}
	for i := range n {
		e := Entry{Time: at(9, 1).Add(time.Duration(i) * time.Minute), ID: int64(i + 2), Source: int64(1000 + i)}
		switch i % 5 {
		case 0:
			e.Type, e.State, e.Text = Status, Identified, fmt.Sprintf("step %d | @acme/sre", i)
		case 1:
			e.Type, e.Text = Timeline, fmt.Sprintf("note %d", i)
		case 2:
			e.Type, e.Kind, e.Number, e.Source = Linked, "pr", i, 0
		case 3:
			e.Type, e.How, e.Text = Mitigated, "flag", "off"
		default:
			e.Type, e.Login = Commander, fmt.Sprintf("user%d", i)
		}
		entries = append(entries, e)
	}
	return entries
}

// TestContinuedMatchesFold renders the summary of part of a log, reads the record back from it,
// and goes on with the rest (and with entries it already holds, as a re-read returns them): the
// summary is the one the whole log folded makes, at every split.
func TestContinuedMatchesFold(t *testing.T) {
	t.Parallel()
	entries := longLog(80)
	want := Summary(Fold(entries), Severities)
	for split := 1; split < len(entries); split += 7 {
		body := issueBody(1, Fold(entries[:split]), Severities, "alert", Context{Production: "main"})
		base, ok := fromSummary(1, body)
		if !ok {
			t.Fatalf("split %d: no record in the summary:\n%s", split, body)
		}
		from := max(0, split-3) // a re-read starts before the newest entry folded
		got, ok := base.continued(entries[from:])
		if !ok {
			t.Fatalf("split %d: continued refused entries in order", split)
		}
		if diff := cmp.Diff(Summary(got, Severities), want); diff != "" {
			t.Errorf("split %d: summary differs from the whole log's (-got +want):\n%s", split, diff)
		}
	}
}

// TestContinuedRefusesEarlierEntries: an entry that folds before the record's last one (a
// command posted earlier, applied later) can't go on top; the whole log must be read.
func TestContinuedRefusesEarlierEntries(t *testing.T) {
	t.Parallel()
	entries := longLog(10)
	base := Fold(entries)
	late := Entry{Type: Status, State: Monitoring, Source: 999, Posted: at(9, 2), Time: at(9, 30), ID: 99}
	if _, ok := base.continued([]Entry{late}); ok {
		t.Errorf("continued took an entry posted before the last one folded")
	}
	if !base.comesBefore(at(9, 2), 999) || base.comesBefore(at(9, 30), 999) {
		t.Errorf("comesBefore: a command posted at 09:02 comes before the last entry (09:10); one at 09:30 does not")
	}
	later := late
	later.Posted = at(9, 30)
	got, ok := base.continued([]Entry{later})
	if !ok || got.State != Monitoring || len(got.Entries) != 1 {
		t.Errorf("continued with a later entry: ok %v, state %q, %d entries; want monitoring from 1", ok, got.State, len(got.Entries))
	}
}

func TestFromSummaryRejects(t *testing.T) {
	t.Parallel()
	good := Summary(Fold(longLog(3)), Severities)
	tests := map[string]string{
		"no summary":           "hello",
		"no state line":        strings.Replace(good, stateStart, "<!-- hotfix:other ", 1),
		"broken JSON":          strings.Replace(good, stateStart+"{", stateStart+"{{", 1),
		"no newest entry":      SummaryStart + "\n" + stateStart + `{"severity":"P1"}` + " -->\n" + timelineHead + SummaryEnd,
		"no timeline":          strings.Replace(good, timelineHead, "", 1),
		"end before start":     SummaryEnd + good,
		"a draft has none":     Summary(Fold([]Entry{declared(at(9, 0), 0)}), Severities),
		"a line left open":     SummaryStart + "\n" + stateStart + `{"newest":"2026-03-04T10:00:00Z"}` + "\n" + timelineHead + SummaryEnd,
		"a huge record":        Summary(Record{Title: strings.Repeat("x", 20000), Newest: at(9, 0), Entries: []Entry{{ID: 1}}}, Severities),
		"a row edited by hand": strings.Replace(good, "\n| 2026-03-04 09:01 UTC | Status", "\n| yesterday | Status", 1),
		"the line elsewhere":   "<!-- hotfix:state {\"newest\":\"2026-03-04T10:00:00Z\"} -->\n" + strings.Replace(good, stateStart, "<!-- x ", 1),
	}
	for name, body := range tests {
		if r, ok := fromSummary(1, body); ok {
			t.Errorf("%s: fromSummary read %+v", name, r)
		}
	}
	if _, ok := fromSummary(1, good); !ok {
		t.Errorf("fromSummary refused a summary it wrote:\n%s", good)
	}
}

// TestStateLineAloneCostsNoEdit: what people see decides whether the issue is edited.
func TestStateLineAloneCostsNoEdit(t *testing.T) {
	t.Parallel()
	r := Fold(longLog(4))
	moved := r
	moved.Newest = moved.Newest.Add(time.Hour)
	if a, b := Summary(r, Severities), Summary(moved, Severities); a == b || withoutFacts(a) != withoutFacts(b) || strings.Contains(withoutFacts(a), stateStart) {
		t.Errorf("withoutFacts should drop the state line and nothing else:\n%s\n---\n%s", withoutFacts(a), withoutFacts(b))
	}
}
