package prguard

import (
	"io"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// ReportNotes prints what happened to the GitHub writes (a write refused for lack of permission
// goes to warn: shown, not failed) and adds the override and the writes to the job summary.
func ReportNotes(w io.Writer, r *runner.Runner, warn func(string), o Outcome, notes []Note) error {
	for _, n := range notes {
		if n.Refused {
			warn(n.Text)
			continue
		}
		io.WriteString(w, n.Text+"\n")
	}
	if note := o.Override.Note(); note != "" || len(notes) > 0 {
		return r.Summary(note + notesMarkdown(notes))
	}
	return nil
}

// notesMarkdown lists the notes about GitHub writes for the step summary.
func notesMarkdown(notes []Note) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString("\n- " + n.Text)
	}
	return b.String() + "\n"
}
