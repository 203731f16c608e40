package release

import (
	"fmt"
	"strings"
	"unicode"
)

// maxSubject caps the subject line's title, in runes, so a hostile title can't make a huge tag.
const maxSubject = 200

// Note is what the tag message says about the hotfix.
type Note struct {
	// Title is the pull request's title: untrusted text, kept as data.
	Title string
	// Number is the pull request's number, used when it has no URL.
	Number int
	// PRURL and IncidentURL link the pull request and the incident, when known.
	PRURL, IncidentURL string
}

// Message returns the annotated tag's message: "Hotfix: <title>", a blank line, then the links to
// the pull request and the incident that are known.
func Message(n Note) string {
	var b strings.Builder
	b.WriteString("Hotfix: " + subject(n))
	var links []string
	switch {
	case n.PRURL != "":
		links = append(links, "Pull request: "+n.PRURL)
	case n.Number > 0:
		links = append(links, fmt.Sprintf("Pull request: #%d", n.Number))
	}
	if n.IncidentURL != "" {
		links = append(links, "Incident: "+n.IncidentURL)
	}
	if len(links) > 0 {
		b.WriteString("\n\n" + strings.Join(links, "\n"))
	}
	return b.String() + "\n"
}

// subject is the title on one line: control characters and line breaks become spaces, runs of
// spaces become one, and it is cut to maxSubject runes. An empty title names the pull request.
func subject(n Note) string {
	title := strings.Join(strings.FieldsFunc(n.Title, breaks), " ")
	if r := []rune(title); len(r) > maxSubject {
		title = strings.TrimSpace(string(r[:maxSubject-1])) + "…"
	}
	if title == "" {
		return fmt.Sprintf("pull request #%d", n.Number)
	}
	return title
}

// breaks reports the runes that may not stay in a one-line subject: spaces, control and format
// characters (bidi overrides included), and line or paragraph separators.
func breaks(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}
