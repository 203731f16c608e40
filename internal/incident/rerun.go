package incident

import (
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// InputsMarker marks what a declare run declared (its title, severity, service, impact,
// commander, impact start and branch choice), as a digest on the incident issue's second line,
// so that a rerun with the same inputs finds its incident and a dispatch with others does not.
func inputsMarker(d Declaration) string {
	fields := []string{d.Title, d.Severity, d.Service, d.Impact, d.Commander, d.ImpactStarted.UTC().Format(time.RFC3339), strconv.FormatBool(d.CreateBranch)}
	sum := sha256.Sum256([]byte(strings.Join(fields, "\x00")))
	return fmt.Sprintf("<!-- hotfix:incident-inputs %x -->", sum[:8])
}

// markInputs puts the inputs marker on the line after the run marker that starts body.
func markInputs(body string, d Declaration) string {
	run := runMarker(d.RunID)
	return run + "\n" + inputsMarker(d) + strings.TrimPrefix(body, run)
}

// opened is what openIssue found or made, and the issue of the same run with other inputs.
type opened struct {
	issue   *github.Issue
	created bool
	other   *github.Issue
}

// warnings say what a rerun should tell people: that this run declared another incident with
// other inputs, or that the incident it finds again is closed.
func (o opened) warnings(d Declaration) []string {
	var out []string
	if o.created && o.other != nil {
		out = append(out, fmt.Sprintf("run %d already declared incident #%d (%s) with other inputs; these inputs (%s) differ, so this is a new incident, #%d",
			d.RunID, o.other.GetNumber(), oneLine(o.other.GetTitle()), fmt.Sprintf("[%s] %s", d.Severity, d.Title), o.issue.GetNumber()))
	}
	if !o.created && o.issue.GetState() == "closed" {
		out = append(out, fmt.Sprintf("this run declared incident #%d before, and it is closed; nothing was declared again (reopen it, or dispatch a new run)",
			o.issue.GetNumber()))
	}
	return out
}
