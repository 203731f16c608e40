package acttest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
)

// Log is what one `act --json` run reported.
type Log struct {
	Jobs    map[string]string            // job → result
	Steps   []Step                       // the main steps, in the order they finished
	Outputs map[string]map[string]string // step → output → value, from set-output
	Text    string                       // the log for people: "[job] message" a line
}

// Step is one main step's result.
type Step struct{ Job, ID, Result string }

// line is the part of one line of `act --json` that Parse reads.
type line struct {
	JobID      string   `json:"jobID"`
	JobResult  string   `json:"jobResult"`
	Stage      string   `json:"stage"`
	StepID     []string `json:"stepID"`
	StepResult string   `json:"stepResult"`
	Command    string   `json:"command"`
	Name       string   `json:"name"`
	Arg        string   `json:"arg"`
	Msg        string   `json:"msg"`
}

// Parse reads act's JSON log: one object a line, with an occasional plain line, which joins Text
// as it is.
func Parse(raw []byte) Log {
	r := Log{Jobs: map[string]string{}, Outputs: map[string]map[string]string{}}
	var text strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		var l line
		if json.Unmarshal(sc.Bytes(), &l) != nil {
			text.WriteString(sc.Text() + "\n")
			continue
		}
		text.WriteString("[" + l.JobID + "] " + l.Msg + "\n")
		switch {
		case l.JobResult != "":
			r.Jobs[l.JobID] = l.JobResult
		case l.Stage == "Main" && len(l.StepID) == 1 && l.StepResult != "":
			r.Steps = append(r.Steps, Step{Job: l.JobID, ID: l.StepID[0], Result: l.StepResult})
		case l.Command == "set-output" && len(l.StepID) == 1:
			if r.Outputs[l.StepID[0]] == nil {
				r.Outputs[l.StepID[0]] = map[string]string{}
			}
			r.Outputs[l.StepID[0]][l.Name] = l.Arg
		}
	}
	r.Text = text.String()
	return r
}
