package guard

import (
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/runner"
)

// Report prints the result, as JSON or as the table for people, annotates each finding (an
// error or a warning, on its file), writes the job summary, and sets the outputs (Outputs).
func Report(w io.Writer, r *runner.Runner, res Result, h Heading, asJSON bool) error {
	err := show(w, res, h, asJSON)
	if err == nil {
		annotate(r, res)
		err = r.Summary(res.Markdown(h))
	}
	return errors.Join(err, r.SetOutputs("guard", OutputNames(), res.Outputs()))
}

// show prints the result as JSON, or as the table for people.
func show(w io.Writer, res Result, h Heading, asJSON bool) error {
	if !asJSON {
		res.WriteText(w, h)
		return nil
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// annotate annotates each finding: an error or a warning, on its file.
func annotate(r *runner.Runner, res Result) {
	for _, f := range res.Findings {
		level := runner.Error
		if f.Level == config.LevelWarn {
			level = runner.Warning
		}
		r.Annotate(runner.Annotation{Level: level, File: f.Path, Title: "hotfix guard: " + f.Rule, Message: f.Message})
	}
}

// OutputNames are the step outputs of `hotfix guard`, in order.
func OutputNames() []string { return []string{"verdict", "changed_files", "changed_lines"} }

// Outputs are the guard's step outputs: verdict, changed_files and changed_lines.
func (r Result) Outputs() map[string]string {
	return map[string]string{"verdict": r.Verdict, "changed_files": strconv.Itoa(r.ChangedFiles), "changed_lines": strconv.Itoa(r.ChangedLines())}
}

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
