package merge

import (
	"cmp"
	"fmt"
	"io"
)

// WriteText prints the plan for people: one line per object, as the merge reports them.
func (p Plan) WriteText(w io.Writer) {
	switch {
	case p.Tag == nil:
		fmt.Fprintf(w, "would tag      nothing: %s\n", p.TagProblem)
	case p.Tag.Exists:
		fmt.Fprintf(w, "would tag      nothing: %s is already on %.12s\n", p.Tag.Tag, p.Tag.Target)
	default:
		fmt.Fprintf(w, "would tag      %s on %.12s (previous %s)\n", p.Tag.Tag, p.Tag.Target, cmp.Or(p.Tag.PreviousTag, "none"))
	}
	if p.Deploy != "" {
		fmt.Fprintf(w, "would deploy   %s\n", p.Deploy)
	}
	for _, b := range p.Backports {
		fmt.Fprintf(w, "would backport to %s from %s: %s\n", b.Target, b.Branch, b.Reason)
	}
	switch {
	case p.Postmortem.Action == "refresh" && p.Postmortem.Unchecked:
		fmt.Fprintf(w, "would refresh  postmortem #%d %q, if the toolkit wrote it (a dry run does not ask GitHub who the toolkit is; the identity input names it)\n", p.Postmortem.Number, p.Postmortem.Title)
	case p.Postmortem.Action == "refresh":
		fmt.Fprintf(w, "would refresh  postmortem #%d %q\n", p.Postmortem.Number, p.Postmortem.Title)
	default:
		fmt.Fprintf(w, "would open     postmortem %q\n", p.Postmortem.Title)
	}
	if p.IncidentUnread {
		fmt.Fprintf(w, "would link     what the merge makes on incident #%d (its log is not read: a dry run does not ask GitHub who the toolkit is; the identity input names it)\n", p.Incident)
	}
	for _, l := range p.Links {
		fmt.Fprintf(w, "would link     %s on incident #%d\n", l, p.Incident)
	}
}
