package release

import (
	"cmp"
	"fmt"
	"io"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// WriteText prints the plan for people: the tag a merge would get (or the one already there),
// the previous tag, the reason, and each tag that was ignored and why.
func (p Plan) WriteText(w io.Writer) {
	verb := "would tag"
	switch {
	case p.Exists:
		verb = "already tagged"
	case p.Released:
		verb = "already released in"
	}
	fmt.Fprintf(w, "%s %s on %s (previous %s)\n%s\n", verb, p.Tag, p.Target, cmp.Or(p.PreviousTag, "none"), p.Reason)
	for _, why := range p.Ignored {
		fmt.Fprintf(w, "ignored: %s\n", why)
	}
}

// WriteText prints the result for people: the tag, whether this run made it, and why.
func (r Result) WriteText(w io.Writer) {
	verb := "tagged"
	if !r.Created {
		verb = "already tagged"
	}
	fmt.Fprintf(w, "%s %s on %s (previous %s)\n%s\n", verb, r.Tag, r.SHA, cmp.Or(r.PreviousTag, "none"), r.Reason)
}

// Markdown is the result for the job summary.
func (r Result) Markdown() string {
	return fmt.Sprintf("### Release\n\n%s on %s (previous %s): %s\n",
		markdown.Code(r.Tag), markdown.Code(r.SHA), markdown.Code(cmp.Or(r.PreviousTag, "none")), markdown.Text(r.Reason))
}

// Outputs are the release's step outputs: tag, previous_tag and sha.
func (r Result) Outputs() map[string]string {
	return map[string]string{"tag": r.Tag, "previous_tag": r.PreviousTag, "sha": r.SHA}
}
