package incident

import (
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// defaultTokenLogin is the login a workflow's GITHUB_TOKEN writes as.
const defaultTokenLogin = "github-actions[bot]"

// BranchWarning says that a branch cut with the default token starts no workflow, when it does
// not. See https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication#using-the-github_token-in-a-workflow
func BranchWarning(branch, identity string) string {
	if branch == "" || identity != defaultTokenLogin {
		return ""
	}
	return fmt.Sprintf("%s was cut with the default GITHUB_TOKEN, so its creation starts no workflow; the guard and verify run on its first push. "+
		"Pass a GitHub App or personal token as the token input for workflows on branch creation", branch)
}

// DeclareSummary is the job summary of a declaration: the incident's link, its severity and
// response target, the branch, and every warning.
func DeclareSummary(got Opened, d Declaration, sev Severity, warnings []string) string {
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

// UpdateSummary is the job summary of a command comment: what became of it, and why.
func UpdateSummary(number int, url string, got Handled) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### Incident [#%d](%s): %s\n\n", number, url, markdown.Text(strings.TrimPrefix(UpdateLine(number, got), fmt.Sprintf("incident #%d: ", number))))
	if pm := got.Postmortem; pm != nil {
		fmt.Fprintf(&b, "Postmortem [#%d](%s) %s.\n", pm.Number, pm.URL, PostmortemWord(*pm))
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

// PostmortemWord says what /resolve did to the postmortem.
func PostmortemWord(pm postmortem.Result) string {
	switch {
	case pm.Created:
		return "opened"
	case pm.Refreshed:
		return "refreshed with the final timeline"
	default:
		return "already up to date"
	}
}

// UpdateLine says what became of the command, and why when it was refused or invalid.
func UpdateLine(number int, got Handled) string {
	line := fmt.Sprintf("incident #%d: %s", number, got.Outcome)
	if got.Type != "" {
		line += " " + got.Type
	}
	if got.Reason != "" {
		line += ": " + got.Reason
	}
	return line
}
