package incident

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Markers delimit the summary in the issue body, which every update re-renders from the log.
const (
	SummaryStart = "<!-- hotfix:summary:start -->"
	SummaryEnd   = "<!-- hotfix:summary:end -->"
)

// maxEvents is how many of the latest timeline events the summary shows.
const maxEvents = 50

// runMarker marks the incident issue that a declare run opened, so a rerun finds it.
func runMarker(runID int64) string { return fmt.Sprintf("<!-- hotfix:incident run=%d -->", runID) }

// Change is a recent change on the production branch: a merged pull request or a tag.
type Change struct {
	Kind   string // "pr" or "tag"
	Number int    // the PR's number
	Name   string // the PR's title, or the tag's name
	URL    string
	At     time.Time // merged or tagged
}

// Context is what declare found around the incident, to help assess and isolate it.
type Context struct {
	Production string        // the production branch
	Window     time.Duration // how far back Changes go
	Changes    []Change      // newest first
	LastGood   *Change       // the rollback candidate: a tag, or a deployment (Kind "deploy") of one
	// LastGoodRule is the rule that chose LastGood; "" for the newest stable tag before the impact.
	LastGoodRule string
}

// issueBody is the incident issue's body: the run marker, the summary, the Initial Alert, the
// recent changes, the last known good tag and the response steps.
func issueBody(runID int64, r Record, scale Scale, alert string, c Context) string {
	sev, _ := scale.Get(r.Severity)
	parts := []string{runMarker(runID), Summary(r, scale), alert, changes(c), lastGood(c), steps(r, sev, c)}
	return markdown.Truncate(strings.Join(parts, "\n"))
}

// Summary is the summary section, between its markers: the hidden facts line (FromBody) and
// state line (fromSummary), the facts, then the latest events.
func Summary(r Record, scale Scale) string {
	sev, _ := scale.Get(r.Severity)
	var b strings.Builder
	shown, hidden := timelineRows(r)
	b.WriteString(SummaryStart + "\n" + factsLine(r) + stateLine(r, hidden) + "## Summary\n\n| | |\n|---|---|\n")
	for _, row := range summaryRows(r, sev) {
		fmt.Fprintf(&b, "| %s | %s |\n", row[0], row[1])
	}
	b.WriteString(timeline(shown, hidden))
	b.WriteString(SummaryEnd + "\n")
	return b.String()
}

// summaryRows are the summary table's rows; every value is safe in a cell.
func summaryRows(r Record, sev Severity) [][2]string {
	rows := [][2]string{
		{"Severity", r.Severity}, {"Response target", sev.Response}, {"Status", stateName(r.State)},
		{"Declared", when(r.Declared, "_unknown_")}, {"Impact started", when(r.ImpactStart, "_unknown_")},
		{"Acknowledged", when(r.Acknowledged, "_not yet_")}, {"Mitigated", mitigated(r)},
		{"Resolved", when(r.Resolved, "_not yet_")}, {"Commander", person(r.Commander)},
		{"Service", cell(r.Service)}, {"Impact", cell(r.Impact)},
	}
	if r.Branch != "" {
		rows = append(rows, [2]string{"Hotfix branch", markdown.CodeCell(r.Branch)})
	}
	if r.Open && !r.LastUpdate.IsZero() {
		rows = append(rows, [2]string{"Next update due", utc(r.LastUpdate.Add(sev.Cadence))})
	}
	return rows
}

func mitigated(r Record) string {
	if r.Mitigated.IsZero() {
		return "_not yet_"
	}
	return utc(r.Mitigated) + " by " + r.MitigatedHow
}

// eventCell is an event's text for the summary's table, the person it names shown as the log
// comments show them: @login, a mention.
func eventCell(e Event) string {
	if text, ok := strings.CutSuffix(e.Text, " @"+e.Who); ok && e.Who != "" {
		return cell(text) + " " + person(e.Who)
	}
	return cell(e.Text)
}

// timelineRows are the rows of the latest maxEvents events, the rows a continued record kept
// from its summary first, and how many earlier events they leave out.
func timelineRows(r Record) ([]string, int) {
	shown := slices.Clone(r.Shown)
	for _, e := range r.Events {
		shown = append(shown, fmt.Sprintf("| %s | %s |", utc(e.At), eventCell(e)))
	}
	hidden := r.Hidden
	if n := len(shown) - maxEvents; n > 0 {
		hidden, shown = hidden+n, shown[n:]
	}
	return shown, hidden
}

// timeline is the table of rows, saying how many earlier events it leaves out.
func timeline(rows []string, hidden int) string {
	var b strings.Builder
	b.WriteString("\n### Timeline\n\n")
	if hidden > 0 {
		fmt.Fprintf(&b, "_%d earlier events are in the log comments below._\n\n", hidden)
	}
	b.WriteString(timelineHead)
	for _, row := range rows {
		b.WriteString(row + "\n")
	}
	return b.String()
}

// ReplaceSummary puts summary in place of the one in body; a body without one gets it on top.
func ReplaceSummary(body, summary string) string {
	start, end := strings.Index(body, SummaryStart), strings.Index(body, SummaryEnd)
	if start < 0 || end < start {
		return markdown.Truncate(summary + "\n" + body)
	}
	rest := strings.TrimPrefix(body[end+len(SummaryEnd):], "\n")
	return markdown.Truncate(body[:start] + summary + rest)
}

// changes lists the recent merges and tags on the production branch.
func changes(c Context) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## Recent changes on %s (last %s)\n\n", markdown.Code(c.Production), span(c.Window))
	if len(c.Changes) == 0 {
		b.WriteString("_No pull request was merged and no tag was made in this window._\n")
	}
	for _, ch := range c.Changes {
		b.WriteString("- " + changeLine(ch) + "\n")
	}
	return b.String()
}

func changeLine(ch Change) string {
	if ch.Kind == "tag" {
		return fmt.Sprintf("Tag %s, %s", markdown.Code(ch.Name), utc(ch.At))
	}
	return fmt.Sprintf("#%d %s, merged %s", ch.Number, markdown.Text(oneLine(ch.Name)), utc(ch.At))
}

// TagRule is the rule that chooses the last known good release when no deployment does.
const TagRule = "the newest release tag before the impact started"

// lastGood names the rollback candidate and the rule that chose it.
func lastGood(c Context) string {
	if c.LastGood == nil {
		return "\n## Last known good\n\n_No stable tag before the incident was found._\n"
	}
	verb, rule := "tagged", c.LastGoodRule
	if c.LastGood.Kind == "deploy" {
		verb = "deployed"
	}
	if rule == "" {
		rule = TagRule
	}
	return fmt.Sprintf("\n## Last known good\n\n%s, %s %s: the rollback candidate, as %s.\n", markdown.Code(c.LastGood.Name), verb, utc(c.LastGood.At), rule)
}

// steps are the response steps as a task list.
func steps(r Record, sev Severity, c Context) string {
	rollback := "the last known good tag"
	if c.LastGood != nil {
		rollback = markdown.Code(c.LastGood.Name)
	}
	fix := "a hotfix branch from " + markdown.Code(c.Production)
	if r.Branch != "" {
		fix = markdown.Code(r.Branch)
	}
	return "\n## Response steps\n\n" +
		"- [ ] **Assess**: confirm the impact and the severity; `/severity P0..P3` if it is wrong, `/impact-start <time>` once known.\n" +
		"- [ ] **Isolate**: find the change that caused it; start with the recent changes above.\n" +
		"- [ ] **Mitigate**: roll back to " + rollback + ", ship a hotfix on " + fix + ", or turn off the feature flag; then `/mitigated rollback|hotfix|flag <what was done>`.\n" +
		"- [ ] **Verify**: check that the impact has stopped; `/status monitoring <what you watch>`.\n" +
		"- [ ] **Communicate**: post `/status investigating|identified|monitoring [eta 30m] <text>` at least every " + span(sev.Cadence) + "; `/resolve <summary>` when it is over.\n"
}
