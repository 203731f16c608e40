package cli

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/remind"
)

// defaultTokenLogin is the login a workflow's GITHUB_TOKEN writes as.
const defaultTokenLogin = "github-actions[bot]"

// branchWarning says that a branch cut with the default token starts no workflow, when it does
// not. See https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication#using-the-github_token-in-a-workflow
func branchWarning(branch, identity string) string {
	if branch == "" || identity != defaultTokenLogin {
		return ""
	}
	return fmt.Sprintf("%s was cut with the default GITHUB_TOKEN, so its creation starts no workflow; the guard and verify run on its first push. "+
		"Pass a GitHub App or personal token as the token input for workflows on branch creation", branch)
}

// declareSummary is the job summary of a declaration: the incident's link, its severity and
// response target, the branch, and every warning.
func declareSummary(got incident.Opened, d incident.Declaration, sev incident.Severity, warnings []string) string {
	var b strings.Builder
	verb := "declared"
	if !got.Created {
		verb = "found again (a rerun)"
	}
	fmt.Fprintf(&b, "### Incident [#%d](%s) %s\n\n", got.Number, got.URL, verb)
	fmt.Fprintf(&b, "| | |\n|---|---|\n| Title | %s |\n| Severity | %s |\n| Response target | %s |\n| Commander | %s |\n",
		markdown.Cell(d.Title), d.Severity, markdown.Cell(sev.Response), markdown.MentionCell(d.Commander))
	branch := "_none_"
	if got.Branch != "" {
		branch = markdown.Code(got.Branch)
	}
	fmt.Fprintf(&b, "| Branch | %s |\n", branch)
	writeWarnings(&b, warnings)
	return b.String()
}

// updateSummary is the job summary of a command comment: what became of it, and why.
func updateSummary(number int, url string, got incident.Handled) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### Incident [#%d](%s): %s\n\n", number, url, markdown.Text(strings.TrimPrefix(updateLine(number, got), fmt.Sprintf("incident #%d: ", number))))
	if pm := got.Postmortem; pm != nil {
		fmt.Fprintf(&b, "Postmortem [#%d](%s) %s.\n", pm.Number, pm.URL, postmortemWord(*pm))
	}
	return b.String()
}

// remindSummary is the job summary of remind: each reminder, each table, each problem.
func remindSummary(res remind.Result) string {
	var lines bytes.Buffer
	res.WriteText(&lines)
	var b strings.Builder
	b.WriteString("### Reminders\n\n")
	for _, l := range strings.Split(strings.TrimSpace(lines.String()), "\n") {
		fmt.Fprintf(&b, "- %s\n", markdown.Text(l))
	}
	return b.String()
}

// writeWarnings adds the warnings as a GitHub alert.
func writeWarnings(b *strings.Builder, warnings []string) {
	if len(warnings) == 0 {
		return
	}
	b.WriteString("\n> [!WARNING]\n")
	for _, w := range warnings {
		fmt.Fprintf(b, "> %s\n", markdown.Text(w))
	}
}
