package merge

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// WriteText prints what the merge came to, a line per object, for the log. pr is nil for an
// incident's postmortem opened on its own.
func (l Result) WriteText(w io.Writer, pr *github.PullRequest) {
	if pr != nil {
		fmt.Fprintf(w, "hotfix #%d %q merged into %s as %.12s\n", pr.GetNumber(), pr.GetTitle(), pr.GetBase().GetRef(), pr.GetMergeCommitSHA())
	} else {
		fmt.Fprintf(w, "incident #%d\n", l.Incident)
	}
	if r := l.Release; r != nil {
		fmt.Fprintf(w, "  tag         %s %s (previous %s): %s\n", r.Tag, tagWord(*r), orNone(r.PreviousTag), r.Reason)
	}
	if l.Deploy != nil {
		fmt.Fprintf(w, "  deploy      %s\n", l.Deploy.Line())
	}
	for _, b := range l.Backports {
		switch {
		case b.Skipped != "":
			fmt.Fprintf(w, "  backport    %s: nothing to do, %s\n", b.Target.Branch, b.Skipped)
		case b.Conflict:
			fmt.Fprintf(w, "  backport    #%d to %s %s, CONFLICT: resolve it by hand %s\n", b.Number, b.Target.Branch, createdWord(b.Created), b.URL)
		default:
			fmt.Fprintf(w, "  backport    #%d to %s %s %s\n", b.Number, b.Target.Branch, createdWord(b.Created), b.URL)
		}
	}
	if p := l.Postmortem; p != nil {
		fmt.Fprintf(w, "  postmortem  #%d %s %s\n", p.Number, postmortemWord(*p), p.URL)
	}
	for _, e := range l.Warnings {
		fmt.Fprintf(w, "  warning     %s\n", e)
	}
	for _, e := range l.Errors {
		fmt.Fprintf(w, "  error       %s\n", e)
	}
}

// Markdown renders the merge's results for the job summary.
func (l Result) Markdown(pr *github.PullRequest) string {
	var b strings.Builder
	if pr != nil {
		fmt.Fprintf(&b, "### Hotfix #%d merged into %s\n\n", pr.GetNumber(), markdown.Code(pr.GetBase().GetRef()))
	} else {
		fmt.Fprintf(&b, "### Incident #%d\n\n", l.Incident)
	}
	b.WriteString("| Step | Result |\n|---|---|\n")
	if r := l.Release; r != nil {
		fmt.Fprintf(&b, "| Tag | %s %s, after %s: %s |\n", markdown.Code(r.Tag), tagWord(*r), markdown.Code(orNone(r.PreviousTag)), markdown.Cell(r.Reason))
	}
	if l.Deploy != nil {
		fmt.Fprintf(&b, "| Deploy | %s |\n", markdown.Cell(l.Deploy.Line()))
	}
	for _, bp := range l.Backports {
		switch {
		case bp.Skipped != "":
			fmt.Fprintf(&b, "| Backport to %s | nothing to do: %s |\n", markdown.CodeCell(bp.Target.Branch), markdown.Cell(bp.Skipped))
		case bp.Conflict:
			fmt.Fprintf(&b, "| Backport to %s | ❌ %s conflicts: resolve it by hand |\n", markdown.CodeCell(bp.Target.Branch), link(bp.Number, bp.URL))
		default:
			fmt.Fprintf(&b, "| Backport to %s | %s %s |\n", markdown.CodeCell(bp.Target.Branch), link(bp.Number, bp.URL), createdWord(bp.Created))
		}
	}
	if p := l.Postmortem; p != nil {
		fmt.Fprintf(&b, "| Postmortem | %s %s |\n", link(p.Number, p.URL), postmortemWord(*p))
	}
	for _, e := range l.Warnings {
		fmt.Fprintf(&b, "| ⚠️ Warning | %s |\n", markdown.Cell(e))
	}
	for _, e := range l.Errors {
		fmt.Fprintf(&b, "| ❌ Error | %s |\n", markdown.Cell(e))
	}
	b.WriteString("\nTags and pull requests made with the default `GITHUB_TOKEN` start no other workflows: " +
		"pass a GitHub App or personal token as `token` for CI to run on backport PRs and tags.\n")
	return b.String()
}

// Outputs are the values of the step outputs tag, previous_tag, sha, backport_prs and
// postmortem_issue; each is "" when the merge made no such object.
func (l Result) Outputs() map[string]string {
	set := map[string]string{"tag": "", "previous_tag": "", "sha": "", "backport_prs": "", "postmortem_issue": ""}
	if rel := l.Release; rel != nil {
		set["tag"], set["previous_tag"], set["sha"] = rel.Tag, rel.PreviousTag, rel.SHA
	}
	var prs []string
	for _, b := range l.Backports {
		if b.Number > 0 {
			prs = append(prs, strconv.Itoa(b.Number))
		}
	}
	set["backport_prs"] = strings.Join(prs, ",")
	if l.Postmortem != nil {
		set["postmortem_issue"] = strconv.Itoa(l.Postmortem.Number)
	}
	return set
}

// link is #N linked to its page: a job summary does not link #N by itself.
func link(number int, url string) string {
	if url == "" {
		return fmt.Sprintf("#%d", number)
	}
	return fmt.Sprintf("[#%d](%s)", number, url)
}

// tagWord says what became of the tag: created, already there, or a later release that
// contains this merge.
func tagWord(r release.Result) string {
	if r.Released {
		return "contains this merge"
	}
	return createdWord(r.Created)
}

func createdWord(created bool) string {
	if created {
		return "created"
	}
	return "already there"
}

// postmortemWord says what became of the postmortem: created, or already there and its facts
// refreshed, and which of its fact regions were left as they were.
func postmortemWord(p postmortem.Result) string {
	word := createdWord(p.Created)
	if p.Refreshed {
		word += ", its facts refreshed"
	}
	if len(p.Kept) > 0 {
		word += "; fact regions left as they were (not in its body or template): " + strings.Join(p.Kept, ", ")
	}
	return word
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
