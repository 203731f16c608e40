package actionitem

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// BodyError says why a postmortem's body can't take the table. Nothing was written.
type BodyError struct{ Reason string }

func (e *BodyError) Error() string { return e.Reason }

func bodyError(format string, args ...any) error {
	return &BodyError{Reason: fmt.Sprintf(format, args...)}
}

// region finds the table between the markers: the index of the start marker and the index just
// past the end marker. Missing, repeated or misordered markers are an error, so nothing is
// half-written.
func region(body string) (int, int, error) {
	for _, m := range []string{postmortem.ItemsStart, postmortem.ItemsEnd} {
		switch n := strings.Count(body, m); {
		case n == 0:
			return 0, 0, bodyError("the body has no %s marker; put the Action Items table between %s and %s", m, postmortem.ItemsStart, postmortem.ItemsEnd)
		case n > 1:
			return 0, 0, bodyError("the body has %d %s markers, want one", n, m)
		}
	}
	start, end := strings.Index(body, postmortem.ItemsStart), strings.Index(body, postmortem.ItemsEnd)
	if end < start {
		return 0, 0, bodyError("the body's %s marker comes before its %s marker", postmortem.ItemsEnd, postmortem.ItemsStart)
	}
	return start, end + len(postmortem.ItemsEnd), nil
}

// Splice replaces the table between the markers in body with block (from Render), and leaves
// every other byte as it was. It changes nothing and says why when the markers are missing or
// repeated, or when the new body would pass GitHub's size limit.
func Splice(body, block string) (string, error) {
	start, end, err := region(body)
	if err != nil {
		return "", err
	}
	out := body[:start] + block + body[end:]
	if n := utf8.RuneCountInString(out); n > markdown.MaxBody {
		return "", bodyError("the body with the new table has %d characters, over GitHub's limit of %d", n, markdown.MaxBody)
	}
	return out, nil
}

// parseTable reads the rows people typed into the table that have no issue yet: every row whose
// Action cell links no issue (#N). The header, the separator and the "none yet" row are skipped.
func parseTable(body string) ([]Typed, error) {
	start, end, err := region(body)
	if err != nil {
		return nil, err
	}
	var rows []Typed
	inner := body[start+len(postmortem.ItemsStart) : end-len(postmortem.ItemsEnd)]
	for _, line := range strings.Split(inner, "\n") {
		cells, ok := splitRow(line)
		if !ok || skipRow(cells[0]) {
			continue
		}
		rows = append(rows, Typed{Action: cells[0], Owner: cells[1], Due: cells[2]})
	}
	return rows, nil
}

var (
	issueLinkRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\[?#[0-9]+\b`) })
	separatorRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^:?-+:?$`) })
)

// skipRow reports whether a row's first cell is not a typed action: the header, the separator,
// the placeholder, an empty cell, or a row that starts with its issue's link (#N or [#N](url)).
func skipRow(action string) bool {
	return action == "" || strings.EqualFold(action, "Action") || action == "_none yet_" ||
		separatorRe().MatchString(action) || issueLinkRe().MatchString(action)
}

// splitRow splits a table line into at least three unescaped cells.
func splitRow(line string) ([]string, bool) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "|") {
		return nil, false
	}
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = strings.TrimSuffix(line, "|")
	}
	var cells []string
	var cell strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cell.WriteByte('|')
			i++
		case line[i] == '|':
			cells, cell = append(cells, unescape(cell.String())), strings.Builder{}
		default:
			cell.WriteByte(line[i])
		}
	}
	cells = append(cells, unescape(cell.String()))
	for len(cells) < 3 {
		cells = append(cells, "")
	}
	return cells, true
}

// The unescapers undo what markdown.Cell adds besides the pipe, so a typed row survives being
// rendered again unchanged. markdown.Text escapes comment ends, then comment starts, as two
// passes ("<!-->" holds both); they are undone in the other order. A carriage return inside a
// cell reads as the space markdown.Cell writes for it.
var (
	unescapeStart = strings.NewReplacer("&lt;!--", "<!--")
	unescapeRest  = strings.NewReplacer("--&gt;", "-->", "@&#8203;", "@", "\r", " ")
)

func unescape(s string) string {
	return strings.TrimSpace(unescapeRest.Replace(unescapeStart.Replace(s)))
}
