package remind

import (
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/google/go-cmp/cmp"
)

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

// brief is what a test compares of a reminder.
type brief struct {
	Kind   Kind
	Issue  int
	Item   int
	Window string
}

func TestDecide(t *testing.T) {
	t.Parallel()
	p1 := Incident{Number: 7, Severity: "P1", Commander: "ada", LastUpdate: at("2026-03-04 10:15")}
	review := Review{Number: 20, Due: at("2026-03-06 11:31"), Owners: []string{"ada"}}
	item := Item{Number: 21, Postmortem: 20, Due: at("2026-03-18 00:00"), Deadline: at("2026-03-19 00:00")}
	tests := []struct {
		name string
		now  string
		f    Facts
		o    Options
		want []brief
	}{
		{"update not due yet", "2026-03-04 11:14", Facts{Incidents: []Incident{p1}}, Options{}, nil},
		{"update due at the cadence", "2026-03-04 11:15", Facts{Incidents: []Incident{p1}}, Options{}, []brief{{Update, 7, 0, "2026-03-04 11:15"}}},
		{"same window later", "2026-03-04 12:14", Facts{Incidents: []Incident{p1}}, Options{}, []brief{{Update, 7, 0, "2026-03-04 11:15"}}},
		{"next window", "2026-03-04 12:15", Facts{Incidents: []Incident{p1}}, Options{}, []brief{{Update, 7, 0, "2026-03-04 12:15"}}},
		{"configured cadence", "2026-03-04 10:45", Facts{Incidents: []Incident{p1}}, Options{Cadence: map[string]time.Duration{"P1": 30 * time.Minute}}, []brief{{Update, 7, 0, "2026-03-04 10:45"}}},
		{"unknown severity counts as P3", "2026-03-05 10:14", Facts{Incidents: []Incident{{Number: 8, LastUpdate: at("2026-03-04 10:15")}}}, Options{}, nil},
		{"no update time, no reminder", "2030-01-01 00:00", Facts{Incidents: []Incident{{Number: 8, Severity: "P0"}}}, Options{}, nil},
		{"postmortem before due", "2026-03-06 11:30", Facts{Reviews: []Review{review}}, Options{}, nil},
		{"postmortem due, daily windows", "2026-03-08 09:00", Facts{Reviews: []Review{review}}, Options{}, []brief{{Postmortem, 20, 0, "2026-03-07 11:31"}}},
		{"item due today is not late", "2026-03-18 23:59", Facts{Items: []Item{item}}, Options{}, nil},
		{"late item: on the item and a line on its postmortem", "2026-03-19 00:00", Facts{Items: []Item{item}}, Options{},
			[]brief{{ActionItem, 20, 21, "2026-03-19 00:00"}, {ActionItem, 21, 0, "2026-03-19 00:00"}}},
		{"late item, weekly windows", "2026-03-27 00:00", Facts{Items: []Item{item}}, Options{},
			[]brief{{ActionItem, 20, 21, "2026-03-26 00:00"}, {ActionItem, 21, 0, "2026-03-26 00:00"}}},
		{"late item, configured window", "2026-03-21 01:00", Facts{Items: []Item{item}}, Options{ItemEvery: 24 * time.Hour},
			[]brief{{ActionItem, 20, 21, "2026-03-21 00:00"}, {ActionItem, 21, 0, "2026-03-21 00:00"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []brief
			for _, r := range Decide(at(tt.now), tt.f, tt.o) {
				got = append(got, brief{r.Kind, r.Issue, r.Item, r.Window.Format("2006-01-02 15:04")})
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("Decide (-got +want):\n%s", diff)
			}
		})
	}
}

func TestMessages(t *testing.T) {
	t.Parallel()
	f := Facts{
		Incidents: []Incident{{Number: 7, Severity: "P1", Commander: "ada", LastUpdate: at("2026-03-04 10:15")},
			{Number: 9, Severity: "P0", LastUpdate: at("2026-03-04 10:15")}},
		Reviews: []Review{{Number: 20, Due: at("2026-03-06 11:31"), Owners: []string{"ada", "@org/team", "x|y <!--", "ada-"}}},
		Items: []Item{{Number: 21, Title: "Alarm @org/team <!-- x -->\nsecond line", Postmortem: 20, Owners: []string{"bob"},
			Due: at("2026-03-18 00:00"), Deadline: at("2026-03-19 00:00")}},
	}
	var all string
	for _, r := range Decide(at("2026-03-20 12:00"), f, Options{}) {
		all += Message(r) + "---\n"
	}
	golden.Check(t, "messages.md.golden", all)
}
