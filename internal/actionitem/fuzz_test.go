package actionitem

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// FuzzParse checks the parsing of item bodies and of the table: nothing panics, a date read is a
// real day, and a table of typed rows, once rendered, reads back as the same rows, so a sync
// never changes what a person typed.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"Postmortem: #12\nDue: 2026-04-01\n",
		postmortem.ItemsStart + "\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Fix \\| it | @ada | 2026-01-01 |\n" + postmortem.ItemsEnd,
		postmortem.ItemsStart + "\n|a\\|\n| [#3](u) x |\n|&lt;!--@&#8203;--&gt;|\n" + postmortem.ItemsEnd,
		postmortem.ItemsEnd + postmortem.ItemsStart,
		"| x | y |",
		postmortem.ItemsStart + "\n|a\rb|\n" + postmortem.ItemsEnd,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		PostmortemRef(body)
		if d, ok := dueDate(body); ok && d.Format(time.DateOnly) == "" {
			t.Errorf("dueDate(%q) = %v", body, d)
		}
		typed, err := parseTable(body)
		if err != nil {
			return
		}
		again, err := parseTable(Render(Decide(time.Time{}, nil, typed)))
		if err != nil {
			t.Fatalf("the rendered table does not parse: %v", err)
		}
		if diff := cmp.Diff(again, typed); diff != "" {
			t.Errorf("typed rows changed by a render (-got +want):\n%s", diff)
		}
	})
}
