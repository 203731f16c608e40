package guard

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Heading is the one-line description of what was checked, shown above the results.
type Heading struct {
	Range  string // e.g. "main...HEAD"
	Policy string // where the policy came from
}

// WriteText prints the result for a person at a terminal: the totals, the limits, and a table of
// findings.
func (r Result) WriteText(w io.Writer, h Heading) {
	fmt.Fprintf(w, "hotfix guard %s (policy: %s)\n", h.Range, h.Policy)
	fmt.Fprintf(w, "  %s, +%d -%d (%d changed lines), %s\n", markdown.Count(r.ChangedFiles, "file"), r.Additions, r.Deletions, r.ChangedLines(), markdown.Count(r.Commits, "commit"))
	fmt.Fprintf(w, "  limits%s: %d lines, %d files, %d commits\n\n", r.severityNote(), r.Limits.MaxLines, r.Limits.MaxFiles, r.Limits.MaxCommits)
	if len(r.Findings) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  LEVEL\tRULE\tPATH\tMESSAGE")
		for _, f := range r.Findings {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", f.Level, f.Rule, orDash(oneLine(f.Path)), oneLine(f.Message))
		}
		tw.Flush()
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, r.verdictLine())
}

// Markdown renders the result for the job summary or a pull-request comment.
func (r Result) Markdown(h Heading) string {
	var b strings.Builder
	icon := "✅"
	if r.Verdict == Fail {
		icon = "❌"
	}
	fmt.Fprintf(&b, "### %s hotfix guard: %s\n\n", icon, r.verdictLine())
	fmt.Fprintf(&b, "Range %s, policy from %s.\n\n", markdown.Code(h.Range), markdown.Code(h.Policy))
	fmt.Fprintf(&b, "| | Changed | Limit%s |\n|---|---:|---:|\n", r.severityNote())
	fmt.Fprintf(&b, "| Lines (+%d −%d) | %d | %d |\n", r.Additions, r.Deletions, r.ChangedLines(), r.Limits.MaxLines)
	fmt.Fprintf(&b, "| Files | %d | %d |\n", r.ChangedFiles, r.Limits.MaxFiles)
	fmt.Fprintf(&b, "| Commits | %d | %d |\n", r.Commits, r.Limits.MaxCommits)
	if len(r.Findings) > 0 {
		b.WriteString("\n| Level | Rule | Path | Finding |\n|---|---|---|---|\n")
		for _, f := range r.Findings {
			path := "—"
			if f.Path != "" {
				path = markdown.CodeCell(f.Path)
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", f.Level, f.Rule, path, markdown.Cell(f.Message))
		}
	}
	return markdown.Truncate(b.String())
}

// verdictLine sums the result up in one line.
func (r Result) verdictLine() string {
	switch {
	case r.Verdict == Fail:
		return fmt.Sprintf("FAIL, %s and %s", markdown.Count(r.Errors(), "error"), markdown.Count(r.Warnings(), "warning"))
	case r.Warnings() > 0:
		return fmt.Sprintf("PASS with %s", markdown.Count(r.Warnings(), "warning"))
	default:
		return "PASS, a minimal change"
	}
}

// severityNote names the severity whose limits apply.
func (r Result) severityNote() string {
	if r.Severity == "" {
		return ""
	}
	return " (" + r.Severity + ")"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine keeps a path or message with line breaks from breaking the terminal table.
func oneLine(s string) string {
	return strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(s)
}
