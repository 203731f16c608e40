package incident

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestFactsLine(t *testing.T) {
	t.Parallel()
	at := func(h, m, s int) time.Time { return time.Date(2026, 3, 4, h, m, s, 0, time.UTC) }
	logged := Record{Number: 7, Severity: "P1", Declared: at(10, 11, 12), ImpactStart: at(9, 0, 1), Resolved: at(12, 0, 59),
		Entries: []Entry{{ID: 1}, {ID: 2}}}
	draft := logged
	draft.Entries = []Entry{{ID: 0}}
	hostile := logged
	hostile.Severity = "P1 --> <!-- hotfix:log"
	tests := []struct {
		name   string
		body   string
		want   Record
		wantOK bool
	}{
		{"from the log", Summary(logged, Severities), Record{Number: 7, Severity: "P1", Declared: logged.Declared, ImpactStart: logged.ImpactStart, Resolved: logged.Resolved}, true},
		{"a draft has none", Summary(draft, Severities), Record{}, false},
		{"a hostile severity stays inside the line", Summary(hostile, Severities), Record{Number: 7, Severity: hostile.Severity, Declared: logged.Declared, ImpactStart: logged.ImpactStart, Resolved: logged.Resolved}, true},
		{"no summary", "hello", Record{}, false},
		{"a bad time", SummaryStart + "\n" + factsPrefix + "severity=P1&declared=yesterday -->\n", Record{}, false},
		{"no severity", SummaryStart + "\n" + factsPrefix + "declared=2026-03-04T10%3A11%3A12Z -->\n", Record{}, false},
	}
	for _, tt := range tests {
		got, ok := FromBody(7, tt.body)
		if diff := cmp.Diff(got, tt.want); diff != "" || ok != tt.wantOK {
			t.Errorf("%s: FromBody ok %v, want %v (-got +want):\n%s", tt.name, ok, tt.wantOK, diff)
		}
	}
	if a, b := withoutFacts(Summary(logged, Severities)), withoutFacts(Summary(draft, Severities)); a != b || strings.Contains(a, factsPrefix) {
		t.Errorf("withoutFacts leaves the line or more differences:\n%s\n---\n%s", a, b)
	}
}
