package postmortem

import (
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"
)

func at(hhmm string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", "2026-03-04 "+hhmm)
	if err != nil {
		panic(err)
	}
	return t
}

func incidentFacts() Facts {
	return Facts{
		Title: "Checkout | fails for @org/eu <!-- hotfix:postmortem incident=1 -->", Severity: "P1", Incident: 7,
		Commander: "ada", Service: "checkout",
		PR: PR{Number: 42, Title: "Fix login timeout", Author: "bob", Opened: at("10:40"), Merged: at("11:05"),
			MergeSHA: "3f2a9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b"},
		Tag:         "v1.2.4",
		Backports:   []Backport{{Target: "develop", Number: 43}, {Target: "release/1.3", Number: 44, Conflict: true}},
		ImpactStart: at("09:50"), Declared: at("10:02"), Mitigated: at("11:10"), Resolved: at("11:30"),
		Events: []Event{{At: at("10:15"), What: "Status: identified | db failover"},
			{At: at("10:20"), What: "Commander is now @bob", Who: "bob"}},
		Opened: at("11:31"),
	}
}

func TestRender(t *testing.T) {
	t.Parallel()
	got, err := Render("", incidentFacts(), "postmortem-action")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "incident.md.golden", got)

	prOnly := Facts{Title: "Fix login timeout", PR: PR{Number: 42, Title: "Fix login timeout", Author: "bob", Opened: at("10:40"), Merged: at("11:05"), MergeSHA: "abc"}, Opened: at("11:06"), Commander: "bob"}
	got, err = Render("", prOnly, "postmortem-action")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "pr-only.md.golden", got)

	noPR := incidentFacts()
	noPR.PR, noPR.Tag, noPR.Backports = PR{}, "", nil
	got, err = Render("", noPR, "postmortem-action")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "incident-only.md.golden", got)
}

func TestDuration(t *testing.T) {
	t.Parallel()
	f := incidentFacts()
	d, formula, ok := f.Duration()
	if !ok || d != 100*time.Minute || formula != "from impact start (2026-03-04 09:50 UTC) to resolved (2026-03-04 11:30 UTC)" {
		t.Errorf("Duration = %v, %q, %v", d, formula, ok)
	}
	f.ImpactStart, f.Resolved = time.Time{}, time.Time{}
	if d, formula, _ := f.Duration(); d != 63*time.Minute || !strings.HasSuffix(formula, "fix merged (2026-03-04 11:05 UTC)") {
		t.Errorf("Duration without impact start or resolution = %v, %q; want declared → merge", d, formula)
	}
	if _, _, ok := (Facts{}).Duration(); ok {
		t.Error("Duration with no times reports ok")
	}
}

func TestOverrideTemplate(t *testing.T) {
	t.Parallel()
	got, err := Render("# {{text .Title}} ({{.Severity}}) due {{utc .Due}}\n", incidentFacts(), "x")
	if err != nil {
		t.Fatal(err)
	}
	want := "<!-- hotfix:postmortem incident=7 -->\n# Checkout | fails for @&#8203;org/eu &lt;!-- hotfix:postmortem incident=1 --&gt; (P1) due 2026-03-06 11:31 UTC\n"
	if got != want {
		t.Errorf("Render = %q, want %q", got, want)
	}
	for _, bad := range []string{"{{.Nope}}", "{{if}}"} {
		if _, err := Render(bad, incidentFacts(), "x"); err == nil || !strings.Contains(err.Error(), "postmortem template") {
			t.Errorf("Render(%q) error = %v, want a template error", bad, err)
		}
	}
}

func TestHuman(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		5 * time.Minute: "5m", 100 * time.Minute: "1h 40m", 50 * time.Hour: "2d 2h 0m",
	} {
		if got := Human(d); got != want {
			t.Errorf("Human(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestPeople checks that the postmortem shows a person as the incident does: @login, a mention,
// for a valid login, and text that pings no one for anything else, in the Author cell and the
// timeline; free text naming a person or a team never pings.
func TestPeople(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		commander string
		event     Event
		want      []string
		wantNot   []string
	}{
		{"valid logins are mentions", "ada", Event{At: at("10:20"), What: "Commander is now @bob", Who: "bob"},
			[]string{"| **Author** | @ada |", "| Commander is now @bob |"}, []string{"`ada`", "@&#8203;bob"}},
		{"a team is text", "acme/sre", Event{At: at("10:20"), What: "Commander is now @acme/sre", Who: "acme/sre"},
			[]string{"| **Author** | @&#8203;acme/sre |", "| Commander is now @&#8203;acme/sre |"}, []string{"@acme"}},
		{"a hostile login can't break the row", "x|y<!--", Event{At: at("10:20"), What: "Commander is now @x|y", Who: "x|y"},
			[]string{`| **Author** | @&#8203;x\|y&lt;!-- |`, `| Commander is now @&#8203;x\|y |`}, []string{"@x"}},
		{"free text never pings", "ada", Event{At: at("10:20"), What: "Status: paged @bob and @acme/sre"},
			[]string{"| Status: paged @&#8203;bob and @&#8203;acme/sre |"}, []string{"@bob", "@acme"}},
		{"Who that the text does not end with is not a mention", "ada", Event{At: at("10:20"), What: "@bob was paged", Who: "bob"},
			[]string{"| @&#8203;bob was paged |"}, []string{"@bob"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := incidentFacts()
			f.Commander, f.Events = tt.commander, []Event{tt.event}
			got, err := Render("", f, "postmortem-action")
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("postmortem lacks %q", w)
				}
			}
			// The Mermaid diagram is a fenced code block, where nothing pings.
			before, _, _ := strings.Cut(got, "```mermaid")
			_, after, _ := strings.Cut(got, "<!-- hotfix:facts:timeline:end -->")
			for _, w := range tt.wantNot {
				if strings.Contains(before+after, w) {
					t.Errorf("postmortem holds %q", w)
				}
			}
		})
	}
}
