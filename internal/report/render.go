package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Text is the report for a terminal: per severity, each figure with its definition beside it.
func Text(r Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Incident metrics from %s to %s\n%s.\n", r.Since.Format(time.DateOnly), r.Until.Format(time.DateOnly), capitalize(r.Percentiles))
	for _, s := range r.Severities {
		fmt.Fprintf(&b, "\n%s\n  %-28s %d — %s\n", s.Severity, "incidents", s.Incidents.Value, s.Incidents.Definition)
		for _, m := range s.Durations {
			fmt.Fprintf(&b, "  %-28s median %s, p90 %s, n=%d — %s\n", m.Name, m.Median, m.P90, m.N, m.Definition)
		}
		fmt.Fprintf(&b, "  %-28s %s — %s\n", "action items closed on time", s.ActionItems.text(), s.ActionItems.Definition)
	}
	return b.String()
}

// text is the ratio as "2 of 3 (66%)", or "none due yet".
func (r Ratio) text() string {
	if r.Percent == nil {
		return "none due yet"
	}
	return fmt.Sprintf("%d of %d (%d%%)", r.OnTime, r.Due, *r.Percent)
}

// Markdown is the report for the step summary: a table of figures by severity, a Mermaid chart
// GitHub renders, and the definitions.
func Markdown(r Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Incident metrics, %s to %s\n\n", r.Since.Format(time.DateOnly), r.Until.Format(time.DateOnly))
	b.WriteString("| Metric |")
	for _, s := range r.Severities {
		b.WriteString(" " + s.Severity + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---|", len(r.Severities)) + "\n")
	b.WriteString(row("Incidents", r, func(s Severity) string { return strconv.Itoa(s.Incidents.Value) }))
	for i, m := range r.Severities[0].Durations {
		b.WriteString(row(capitalize(m.Name)+" (median / p90)", r, func(s Severity) string {
			d := s.Durations[i]
			return fmt.Sprintf("%s / %s", d.Median, d.P90)
		}))
	}
	b.WriteString(row("Action items closed on time", r, func(s Severity) string { return s.ActionItems.text() }))
	b.WriteString("\n" + chart(r) + "\n" + definitions(r))
	return b.String()
}

// row is one table row with a cell per severity.
func row(name string, r Report, cell func(Severity) string) string {
	var b strings.Builder
	b.WriteString("| " + name + " |")
	for _, s := range r.Severities {
		b.WriteString(" " + cell(s) + " |")
	}
	return b.String() + "\n"
}

// chart is a Mermaid xychart of the median hours to mitigate (line) and to resolve (bars).
func chart(r Report) string {
	var names, mitigate, resolve []string
	for _, s := range r.Severities {
		names = append(names, s.Severity)
		mitigate = append(mitigate, hours(find(s, nameMitigate)))
		resolve = append(resolve, hours(find(s, nameResolve)))
	}
	return "```mermaid\nxychart-beta\n" +
		"    title \"Median hours to resolve (bars) and to mitigate (line)\"\n" +
		"    x-axis [" + strings.Join(names, ", ") + "]\n" +
		"    y-axis \"hours\"\n" +
		"    bar [" + strings.Join(resolve, ", ") + "]\n" +
		"    line [" + strings.Join(mitigate, ", ") + "]\n```\n"
}

func find(s Severity, name string) Metric {
	for _, m := range s.Durations {
		if m.Name == name {
			return m
		}
	}
	return Metric{}
}

// hours is a metric's median in hours, two decimals; 0 when it has no data.
func hours(m Metric) string {
	return strconv.FormatFloat(float64(m.MedianSeconds)/3600, 'f', 2, 64)
}

// definitions lists what each figure means.
func definitions(r Report) string {
	var b strings.Builder
	b.WriteString("**Definitions**\n\n")
	fmt.Fprintf(&b, "- **Incidents:** %s.\n", DefIncidents)
	for _, m := range r.Severities[0].Durations {
		fmt.Fprintf(&b, "- **%s:** %s.\n", capitalize(m.Name), m.Definition)
	}
	fmt.Fprintf(&b, "- **Action items closed on time:** %s.\n- **Median, p90:** %s.\n", DefOnTime, r.Percentiles)
	return b.String()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
