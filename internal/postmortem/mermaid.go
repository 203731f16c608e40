package postmortem

import (
	"strings"
)

// Mermaid is the timeline as a Mermaid timeline diagram in a fenced block, which GitHub renders;
// "" when there are no events. Events in the same minute share a period. Event text is made safe
// for Mermaid's timeline grammar: no ": " (it starts another event), no "#" in a period (it starts
// a comment), no line breaks, no HTML, no backtick fence.
// See https://mermaid.js.org/syntax/timeline.html
func Mermaid(events []Event) string {
	if len(events) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("```mermaid\ntimeline\n    title Timeline (UTC)\n")
	last := ""
	for _, e := range events {
		period := e.At.UTC().Format("Jan 2 15h04")
		if period != last {
			b.WriteString("    " + period)
			last = period
		} else {
			b.WriteString("    " + strings.Repeat(" ", len(period)))
		}
		b.WriteString(" : " + mermaidText(e.What) + "\n")
	}
	b.WriteString("```")
	return b.String()
}

// mermaidReplacer takes out what Mermaid's timeline or GitHub's Markdown would act on.
var mermaidReplacer = strings.NewReplacer(
	":", "꞉", // a modifier-letter colon reads the same and ends no event
	"\r\n", " ", "\n", " ", "\r", " ",
	"<", "‹", ">", "›",
	"`", "'",
	"%%", "%",
	";", ",",
)

// maxMermaidText bounds an event's text in the diagram; the table above has it in full.
const maxMermaidText = 80

func mermaidText(s string) string {
	r := []rune(strings.Join(strings.Fields(mermaidReplacer.Replace(s)), " "))
	if len(r) > maxMermaidText {
		r = append(r[:maxMermaidText-1], '…')
	}
	if len(r) == 0 {
		return "(no text)"
	}
	return string(r)
}
