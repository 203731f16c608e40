package postmortem

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Regions are the parts of the body that hold the toolkit's facts, each between
// `<!-- hotfix:facts:NAME:start -->` and `<!-- hotfix:facts:NAME:end -->` (see RegionStart and
// RegionEnd): the header's facts table, the Timeline (its table, the Duration line and the Mermaid
// timeline) and the Resolution's links. Refresh re-renders them in place; all else is people's.
var Regions = []string{"summary", "timeline", "resolution"}

// RegionStart is the marker that opens region name.
func RegionStart(name string) string { return "<!-- hotfix:facts:" + name + ":start -->" }

// RegionEnd is the marker that closes region name.
func RegionEnd(name string) string { return "<!-- hotfix:facts:" + name + ":end -->" }

// BodyError says why a postmortem's body can't take the refreshed facts. Nothing was written.
type BodyError struct{ Reason string }

func (e *BodyError) Error() string { return e.Reason }

func bodyError(format string, args ...any) error {
	return &BodyError{Reason: fmt.Sprintf(format, args...)}
}

// span is where a region sits in a body: from its start marker to just past its end marker.
type span struct {
	name       string
	start, end int
}

// find locates region name in body. ok is false when neither marker is there; a lone, repeated or
// misordered marker is an error, as is a region that overlaps the Action Items table.
func find(body, name string) (span, bool, error) {
	open, closing := RegionStart(name), RegionEnd(name)
	no, nc := strings.Count(body, open), strings.Count(body, closing)
	switch {
	case no == 0 && nc == 0:
		return span{}, false, nil
	case no != 1 || nc != 1:
		return span{}, false, bodyError("the %s region has %d %s and %d %s markers, want one of each", name, no, open, nc, closing)
	}
	s := span{name: name, start: strings.Index(body, open), end: strings.Index(body, closing) + len(closing)}
	if s.end-len(closing) < s.start {
		return span{}, false, bodyError("the %s region's %s marker comes before its %s marker", name, closing, open)
	}
	if items := strings.Index(body, ItemsStart); items >= 0 && items < s.end && strings.Index(body, ItemsEnd) > s.start {
		return span{}, false, bodyError("the %s region overlaps the Action Items table", name)
	}
	return s, true, nil
}

// spans locates every region in body, in the body's order. Missing regions are named apart.
func spans(body string) ([]span, []string, error) {
	var found []span
	var missing []string
	for _, name := range Regions {
		s, ok, err := find(body, name)
		switch {
		case err != nil:
			return nil, nil, err
		case !ok:
			missing = append(missing, name)
		default:
			found = append(found, s)
		}
	}
	slices.SortFunc(found, func(a, b span) int { return a.start - b.start })
	for i := 1; i < len(found); i++ {
		if found[i].start < found[i-1].end {
			return nil, nil, bodyError("the %s and %s regions overlap", found[i-1].name, found[i].name)
		}
	}
	return found, missing, nil
}

// Refreshed is a body with the toolkit's facts re-rendered.
type Refreshed struct {
	Body    string
	Changed bool
	// Kept names the regions left as they were: missing from the body (a person took them out)
	// or from the template (an overridden one that has none).
	Kept []string
}

// Refresh renders the template (DefaultTemplate when tmpl is empty) with fresh facts and puts
// each region's new content in place of the old in existing. Every byte outside the regions is
// kept. A region missing from either side is left alone and named in Kept. A damaged region
// (a lone, repeated or misordered marker, or overlapping regions), or a result over GitHub's size
// limit, is a *BodyError, and nothing is changed: the refresh is all or nothing.
func Refresh(existing string, fresh Facts, tmpl, actionLabel string) (Refreshed, error) {
	rendered, err := Render(tmpl, fresh, actionLabel)
	if err != nil {
		return Refreshed{}, err
	}
	old, missing, err := spans(existing)
	if err != nil {
		return Refreshed{}, fmt.Errorf("the postmortem's body: %w", err)
	}
	out := existing
	kept := missing
	for _, s := range slices.Backward(old) {
		n, ok, err := find(rendered, s.name)
		if err != nil || !ok {
			kept = append(kept, s.name)
			continue
		}
		out = out[:s.start] + rendered[n.start:n.end] + out[s.end:]
	}
	if n := utf8.RuneCountInString(out); n > markdown.MaxBody {
		return Refreshed{}, bodyError("the body with the refreshed facts has %d characters, over GitHub's limit of %d", n, markdown.MaxBody)
	}
	slices.SortFunc(kept, func(a, b string) int { return slices.Index(Regions, a) - slices.Index(Regions, b) })
	return Refreshed{Body: out, Changed: out != existing, Kept: kept}, nil
}
