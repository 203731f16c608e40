package actionitem

import (
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

var now = time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)

func TestDecide(t *testing.T) {
	t.Parallel()
	open := Item{Number: 12, Title: "Alarm", Open: true, Due: date("2026-03-20")}
	late := Item{Number: 11, Title: "Runbook", Open: true, Due: date("2026-03-19")}
	done := Item{Number: 13, Title: "Pool", Due: date("2026-03-01"), Closed: date("2026-03-02")}
	typed := Typed{Action: "Write the drill"}
	tests := []struct {
		name   string
		items  []Item
		typed  []Typed
		status []Status
		all    bool
	}{
		{"none", nil, nil, nil, false},
		{"due today is open, yesterday overdue, sorted", []Item{open, late, done}, nil, []Status{Overdue, Open, Done}, false},
		{"all closed", []Item{done}, nil, []Status{Done}, true},
		{"a typed row keeps all-closed off", []Item{done}, []Typed{typed}, []Status{Done, NoIssue}, false},
		{"a typed row made into an item is dropped", []Item{withRow(done, typed)}, []Typed{typed}, []Status{Done}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Decide(now, tt.items, tt.typed)
			var status []Status
			for _, r := range got.Rows {
				status = append(status, r.Status)
			}
			if diff := cmp.Diff(status, tt.status); diff != "" || got.AllClosed != tt.all {
				t.Errorf("Decide statuses (-got +want):\n%s\nall closed %v, want %v", diff, got.AllClosed, tt.all)
			}
		})
	}
}

func withRow(it Item, t Typed) Item {
	it.Row = t.Hash()
	return it
}

func TestRender(t *testing.T) {
	t.Parallel()
	items := []Item{
		{Number: 12, Title: "Alarm | on @org/team <!-- x -->", URL: "https://github.com/acme/shop/issues/12", Owners: []string{"ada", "bob"}, Open: true, Due: date("2026-03-25")},
		{Number: 11, Title: "Runbook", URL: "https://github.com/acme/shop/issues/11", Open: true, Due: date("2026-03-18")},
		{Number: 13, Title: "Pool size", URL: "https://github.com/acme/shop/issues/13", Owners: []string{"eve"}, Due: date("2026-03-01"), Closed: date("2026-03-01")},
	}
	typed := []Typed{{Action: "Drill | quarterly", Owner: "@carol", Due: "2026-04-01"}}
	golden.Check(t, "table.md.golden", Render(Decide(now, items, typed)))
	golden.Check(t, "table-done.md.golden", Render(Decide(now, items[2:], nil)))
	golden.Check(t, "table-empty.md.golden", Render(Decide(now, nil, nil)))
}

func TestSplice(t *testing.T) {
	t.Parallel()
	block := postmortem.ItemsStart + "\nNEW\n" + postmortem.ItemsEnd
	body := "head\n" + postmortem.ItemsStart + "\nold\n" + postmortem.ItemsEnd + "\ntail\n"
	got, err := Splice(body, block)
	if err != nil || got != "head\n"+block+"\ntail\n" {
		t.Errorf("Splice = %q, %v", got, err)
	}
	bad := map[string]string{
		"no start":   "head\nold\n" + postmortem.ItemsEnd,
		"no end":     postmortem.ItemsStart + "\nold\n",
		"two starts": postmortem.ItemsStart + postmortem.ItemsStart + postmortem.ItemsEnd,
		"two ends":   postmortem.ItemsStart + postmortem.ItemsEnd + postmortem.ItemsEnd,
		"reversed":   postmortem.ItemsEnd + "\n" + postmortem.ItemsStart,
		"too long":   strings.Repeat("x", 65530) + postmortem.ItemsStart + postmortem.ItemsEnd,
	}
	for name, body := range bad {
		if got, err := Splice(body, block); err == nil || got != "" {
			t.Errorf("%s: Splice = %q, %v; want an error and no body", name, got, err)
		}
	}
}

func TestParseTable(t *testing.T) {
	t.Parallel()
	body := "intro | not a row\n" + postmortem.ItemsStart + `
| Action | Owner | Due | Status |
|:---|---|---|---|
| _none yet_ | | | |
| [#12](https://x/12) Alarm | ` + "`ada`" + ` | 2026-03-25 | open |
| #14 linked by hand | | | |
| Fix the pool \| for real, see #12 | @&#8203;ada | 2026-04-01 |
|Check &lt;!-- this --&gt;|
| | only an owner | | |
` + postmortem.ItemsEnd
	got, err := parseTable(body)
	if err != nil {
		t.Fatal(err)
	}
	want := []Typed{
		{Action: "Fix the pool | for real, see #12", Owner: "@ada", Due: "2026-04-01"},
		{Action: "Check <!-- this -->"},
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("parseTable (-got +want):\n%s", diff)
	}
	if _, err := parseTable("no markers"); err == nil {
		t.Error("parseTable without markers gives no error")
	}
}

func TestHash(t *testing.T) {
	t.Parallel()
	a, b, c := Typed{Action: "Add  an Alarm"}, Typed{Action: "add an alarm", Owner: "x"}, Typed{Action: "add an alarm!"}
	if a.Hash() != b.Hash() || a.Hash() == c.Hash() || len(a.Hash()) != 12 {
		t.Errorf("hashes %s %s %s: want the first two equal, the third different, 12 characters", a.Hash(), b.Hash(), c.Hash())
	}
}

// TestPeople checks that the table and the issues made from it show a person by the toolkit's
// one rule: a login is @login, a mention; a team, several names or prose pings no one.
func TestPeople(t *testing.T) {
	t.Parallel()
	tests := []struct {
		owner, cell, issue, assigned string
	}{
		{"@carol", "| @carol |", "Owner: @carol\n", "carol"},
		{"carol", "| carol |", "Owner: @carol\n", "carol"},
		{"@acme/sre", "| @&#8203;acme/sre |", "Owner, as typed: @&#8203;acme/sre (not one login, so nobody is assigned)\n", ""},
		{"@ada, @bob", "| @&#8203;ada, @&#8203;bob |", "Owner, as typed: @&#8203;ada, @&#8203;bob (not one login, so nobody is assigned)\n", ""},
		{"@x--y", "| @&#8203;x--y |", "Owner, as typed: @&#8203;x--y (not one login, so nobody is assigned)\n", ""},
		{"", "| Drill |  |", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.owner, func(t *testing.T) {
			t.Parallel()
			typed := Typed{Action: "Drill", Owner: tt.owner}
			if got := Render(Decide(now, nil, []Typed{typed})); !strings.Contains(got, tt.cell) {
				t.Errorf("table row for owner %q lacks %q:\n%s", tt.owner, tt.cell, got)
			}
			req := newIssue(1, typed, "postmortem-action")
			if body := req.GetBody(); tt.issue != "" && !strings.Contains(body, tt.issue) || tt.issue == "" && strings.Contains(body, "Owner") {
				t.Errorf("issue body for owner %q = %q, want %q in it", tt.owner, body, tt.issue)
			}
			if got := req.GetAssignees(); tt.assigned == "" && len(got) != 0 || tt.assigned != "" && (len(got) != 1 || got[0] != tt.assigned) {
				t.Errorf("assignees for owner %q = %v, want %q", tt.owner, got, tt.assigned)
			}
		})
	}
	items := []Item{{Number: 12, Title: "Alarm", URL: "https://x/12", Owners: []string{"ada", "bob"}, Open: true, Due: date("2026-03-25")}}
	if got := Render(Decide(now, items, nil)); !strings.Contains(got, "| @ada, @bob |") {
		t.Errorf("an item's assignees are not mentions:\n%s", got)
	}
}
