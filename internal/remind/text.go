package remind

import (
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// WriteText prints each reminder and table the run looked at, for people.
func (res Result) WriteText(w io.Writer) {
	for _, o := range res.Reminders {
		what := "already reminded in this window"
		if o.Posted {
			what = "reminded"
		}
		about := ""
		if o.Item > 0 {
			about = fmt.Sprintf(" (item #%d)", o.Item)
		}
		fmt.Fprintf(w, "#%d %s%s, window %s: %s\n", o.Issue, o.Kind, about, o.Window, what)
	}
	for _, t := range res.Tables {
		fmt.Fprintln(w, t.Line())
	}
	for _, p := range res.Problems {
		fmt.Fprintf(w, "warning: %s\n", p)
	}
	fmt.Fprintf(w, "%s posted\n", markdown.Count(res.Posted(), "reminder"))
}

// Posted counts the reminders posted in this run.
func (res Result) Posted() int {
	n := 0
	for _, o := range res.Reminders {
		if o.Posted {
			n++
		}
	}
	return n
}
