package postmortem

import (
	_ "embed"
	"fmt"
	"strings"
	"text/template"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// DefaultTemplate is the postmortem body used when the repository has none of its own.
//
//go:embed template.md
var DefaultTemplate string

// Markers delimit the Action Items table, which the toolkit regenerates in place.
const (
	ItemsStart = "<!-- hotfix:action-items:start -->"
	ItemsEnd   = "<!-- hotfix:action-items:end -->"
)

// Title is the postmortem issue's title.
func Title(f Facts) string {
	return "Incident Postmortem: " + oneLine(f.Title)
}

// oneLine joins s's words with single spaces, so a line break in it (a PR title may hold one)
// can't end a heading or a table row and start Markdown of its own.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Marker identifies the one postmortem of an incident, or of a PR when there is no incident.
func Marker(f Facts) string {
	if f.Incident > 0 {
		return fmt.Sprintf("<!-- hotfix:postmortem incident=%d -->", f.Incident)
	}
	return fmt.Sprintf("<!-- hotfix:postmortem pr=%d -->", f.PR.Number)
}

// data is what the template sees: the facts, and the label of action items.
type data struct {
	Facts
	ActionLabel string
}

// Render fills the template (DefaultTemplate when tmpl is empty) with the facts. The marker comes
// first whatever the template says, so an overridden template can't break the one-per-incident rule.
//
// The template sees the fields of Facts and its methods (Due, Duration, DurationText, Formula,
// Timeline), and ActionLabel; its functions are text, cell, code (escaping a person's text for
// Markdown, a table cell and a code span), person (a login, shown as the toolkit shows people:
// @login, a mention, for a valid login, else text that pings no one), event (a timeline Event
// as a table cell, its person shown by that rule), utc, date, mermaid and actionItems (the Action Items
// table between ItemsStart and ItemsEnd, which the action-item sync keeps up to date). What sits
// between a region's markers, `<!-- hotfix:facts:NAME:start -->` and
// `<!-- hotfix:facts:NAME:end -->` on lines of their own, with NAME one of Regions (summary,
// timeline, resolution), is the toolkit's: Refresh renders it again when the facts change, as on
// /resolve. Everything outside the regions is written once and then left to people. An overridden
// template may use the same markers; a region it leaves out is simply never refreshed.
func Render(tmpl string, f Facts, actionLabel string) (string, error) {
	if tmpl == "" {
		tmpl = DefaultTemplate
	}
	t, err := template.New("postmortem").Option("missingkey=error").Funcs(funcs).Parse(tmpl)
	if err != nil {
		return "", fmt.Errorf("parse the postmortem template: %w", err)
	}
	f.Title, f.PR.Title = oneLine(f.Title), oneLine(f.PR.Title) // a title never splits a heading or a row
	var b strings.Builder
	b.WriteString(Marker(f) + "\n")
	if err := t.Execute(&b, data{Facts: f, ActionLabel: actionLabel}); err != nil {
		return "", fmt.Errorf("fill in the postmortem template: %w", err)
	}
	return markdown.Truncate(b.String()), nil
}

// funcs are the template's functions; each escapes what it prints.
var funcs = template.FuncMap{
	"text":    markdown.Text,
	"person":  markdown.MentionCell,
	"event":   Event.cell,
	"cell":    markdown.Cell,
	"code":    markdown.Code,
	"utc":     UTC,
	"mermaid": Mermaid,
	"date":    func(t interface{ Format(string) string }) string { return t.Format("2006-01-02") },
	"actionItems": func() string {
		return ItemsStart + "\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| _none yet_ | | | |\n" + ItemsEnd
	},
}

// cell is the event as a timeline cell: its text escaped, and the person it ends with shown by
// the toolkit's one rule for people, as the incident's summary shows them.
func (e Event) cell() string {
	if text, ok := strings.CutSuffix(e.What, " @"+e.Who); ok && e.Who != "" {
		return markdown.Cell(text) + " " + markdown.MentionCell(e.Who)
	}
	return markdown.Cell(e.What)
}
