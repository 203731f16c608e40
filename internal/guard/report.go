package guard

import (
	"errors"
	"io"
	"strconv"

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
	return runner.WriteJSON(w, res)
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
