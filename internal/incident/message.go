package incident

import (
	"fmt"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Messages follow the usual incident communication: every message names the incident, its
// severity and status, the impact, who commands the response, and when the next update is due.

// heading is a message's first line: the kind of message and the incident's title.
func heading(kind string, r Record) string {
	return fmt.Sprintf("### %s: [%s] %s\n\n", kind, r.Severity, markdown.Text(oneLine(r.Title)))
}

// field is one "- **Name:** value" line; value is already safe Markdown.
func field(name, value string) string { return fmt.Sprintf("- **%s:** %s\n", name, value) }

// para is untrusted text as a paragraph of its own.
func para(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return "\n" + markdown.Text(strings.TrimSpace(text)) + "\n"
}

// when is a time for people, or what to say when it is not known.
func when(t time.Time, unknown string) string {
	if t.IsZero() {
		return unknown
	}
	return utc(t)
}

// nextUpdate says when the next update is due: cadence after now.
func nextUpdate(sev Severity, now time.Time) string {
	return fmt.Sprintf("by %s (every %s at %s)", utc(now.Add(sev.Cadence)), span(sev.Cadence), sev.Name)
}

// Alert is the Initial Alert: what is wrong, how bad, who leads, and when the next update comes.
func Alert(r Record, sev Severity, now time.Time) string {
	var b strings.Builder
	b.WriteString(heading("Initial Alert", r))
	fmt.Fprintf(&b, "We are investigating an incident affecting **%s**.\n\n", markdown.Text(oneLine(orUnknown(r.Service))))
	b.WriteString(field("Status", stateName(r.State)))
	b.WriteString(field("Severity", fmt.Sprintf("%s (response target: %s)", sev.Name, sev.Response)))
	b.WriteString(field("Impact", markdown.Text(oneLine(orUnknown(r.Impact)))))
	b.WriteString(field("Impact started", when(r.ImpactStart, "not known yet")))
	b.WriteString(field("Declared", when(r.Declared, utc(now))))
	b.WriteString(field("Incident commander", mention(r.Commander)))
	b.WriteString(field("Next update", nextUpdate(sev, now)))
	b.WriteString("\nUpdates follow on this issue. Responders with write access post them with `/status`, `/mitigated` and `/resolve`.\n")
	return b.String()
}

// Update is the Update message for a status entry, or for a mitigation.
func Update(r Record, e Entry, sev Severity, now time.Time) string {
	var b strings.Builder
	b.WriteString(heading("Update", r))
	b.WriteString(field("Status", stateName(r.State)))
	if e.Type == Mitigated {
		b.WriteString(field("Mitigated", "by "+e.How))
	}
	b.WriteString(field("Severity", sev.Name))
	b.WriteString(field("Impact", markdown.Text(oneLine(orUnknown(r.Impact)))))
	if e.ETA != "" {
		b.WriteString(field("ETA", markdown.Text(e.ETA)))
	}
	b.WriteString(field("Incident commander", mention(r.Commander)))
	b.WriteString(field("Next update", nextUpdate(sev, now)))
	b.WriteString(para(e.Text))
	return b.String()
}

// Resolution is the Resolution message: the incident is over, how long it lasted, how it was
// mitigated, and that a postmortem follows.
func Resolution(r Record, e Entry, now time.Time) string {
	var b strings.Builder
	b.WriteString(heading("Resolution", r))
	fmt.Fprintf(&b, "The incident affecting **%s** is resolved.\n\n", markdown.Text(oneLine(orUnknown(r.Service))))
	b.WriteString(field("Resolved", utc(now)))
	b.WriteString(field("Duration", duration(r, now)))
	b.WriteString(field("Mitigation", orText(r.MitigatedHow, "none recorded")))
	b.WriteString(field("Severity", r.Severity))
	b.WriteString(field("Incident commander", mention(r.Commander)))
	b.WriteString(para(e.Text))
	b.WriteString("\nA postmortem follows; it is due within 48 hours and linked on this issue.\n")
	return b.String()
}

// duration is how long the impact lasted until end, and which timestamps it is from.
func duration(r Record, end time.Time) string {
	start, name := r.ImpactStart, "impact start"
	if start.IsZero() {
		start, name = r.Declared, "declared"
	}
	if start.IsZero() || end.Before(start) {
		return "unknown"
	}
	return fmt.Sprintf("%s (from %s, %s)", postmortem.Human(end.Sub(start)), name, utc(start))
}

// Note is the short message for the other commands: what changed, in one line or two.
func Note(r Record, e Entry, sev Severity) string {
	switch e.Type {
	case SeverityType:
		return fmt.Sprintf("**Severity changed to %s.** Response target: %s; updates every %s.\n", sev.Name, sev.Response, span(sev.Cadence))
	case Commander:
		return fmt.Sprintf("**Incident commander:** %s now leads the response.\n", mention(e.Login))
	case ImpactStart:
		return fmt.Sprintf("**Impact start** set to %s.\n", utc(e.At))
	case Timeline:
		return "**Timeline:**" + para(e.Text)
	}
	return ""
}

func orUnknown(s string) string { return orText(s, "not known yet") }

func orText(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}
