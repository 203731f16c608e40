package actionitem

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestPostmortemRef(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]int{
		"Postmortem: #12":                       12,
		"Fix the pool.\n\npostmortem:   #7\n":   7,
		"> **Postmortem: #9**":                  9,
		"See the postmortem: #12 later":         0,
		"Postmortem: 12":                        0,
		"Postmortem: #":                         0,
		"":                                      0,
		"Postmortem: #3\nPostmortem: #4":        3,
		"Postmortem: #1234567890123":            0,
		"Incident: #5\n  Postmortem: #6 (P1)\n": 6,
	} {
		if got := PostmortemRef(body); got != want {
			t.Errorf("PostmortemRef(%q) = %d, want %d", body, got, want)
		}
	}
}

func TestDueDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body string
		want time.Time
		ok   bool
	}{
		{"Due: 2026-04-01", date("2026-04-01"), true},
		{"text\n- due: 2026-12-31 (hard)", date("2026-12-31"), true},
		{"Due: 2026-02-30", time.Time{}, false},
		{"Due: tomorrow", time.Time{}, false},
		{"It is Due: 2026-04-01", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := DueDate(tt.body)
		if !got.Equal(tt.want) || ok != tt.ok {
			t.Errorf("DueDate(%q) = %v, %v; want %v, %v", tt.body, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDefaultDue(t *testing.T) {
	t.Parallel()
	opened := time.Date(2026, 3, 4, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		severity string
		days     map[string]int
		want     time.Time
	}{
		{"P0", nil, date("2026-03-11")},
		{"P1", nil, date("2026-03-18")},
		{"P2", nil, date("2026-04-03")},
		{"P3", nil, date("2026-05-03")},
		{"", nil, date("2026-04-03")},
		{"P1", map[string]int{"P1": 3}, date("2026-03-07")},
		{"P2", map[string]int{"P1": 3}, date("2026-04-03")},
	}
	for _, tt := range tests {
		got := Parent{Severity: tt.severity, Opened: opened}.DefaultDue(tt.days)
		if !got.Equal(tt.want) {
			t.Errorf("DefaultDue(%q, %v) = %v, want %v", tt.severity, tt.days, got, tt.want)
		}
	}
}

func TestFromIssue(t *testing.T) {
	t.Parallel()
	closed := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	is := &github.Issue{Number: github.Int(21), Title: github.String("Add a pool alarm"), State: github.String("closed"),
		HTMLURL: github.String("https://x/21"), ClosedAt: &github.Timestamp{Time: closed},
		Body:      github.String("Postmortem: #20\nDue: 2026-03-09\n" + RowMarker(20, Typed{Action: "Add a pool alarm"})),
		Assignees: []*github.User{{Login: github.String("ada")}, {Login: github.String("bob")}}}
	got := FromIssue(is, Parent{Number: 20, Severity: "P1"}, nil)
	want := Item{Number: 21, Title: "Add a pool alarm", URL: "https://x/21", Owners: []string{"ada", "bob"}, Closed: closed,
		Postmortem: 20, Due: date("2026-03-09"), Row: Typed{Action: "add a  POOL alarm"}.Hash()}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("FromIssue (-got +want):\n%s", diff)
	}
	if got.OnTime() {
		t.Error("an item closed the day after its due day is on time")
	}
	if got := FromIssue(is, Parent{Number: 19}, nil).Row; got != "" {
		t.Errorf("the row marker of another postmortem gives row %q", got)
	}
}

// TestSeverityLabel: a postmortem's severity label is read as everywhere else, in any case (it
// used to be taken as written, so severity/p1 found no due days).
func TestSeverityLabel(t *testing.T) {
	t.Parallel()
	for labels, want := range map[string]string{"severity/P1": "P1", "Severity/p0": "P0", "severity/urgent": "", "": ""} {
		is := &github.Issue{}
		if labels != "" {
			is.Labels = []*github.Label{{Name: github.String(labels)}}
		}
		if got := Severity(is); got != want {
			t.Errorf("Severity(%q) = %q, want %q", labels, got, want)
		}
	}
}
