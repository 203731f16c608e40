package backport

import (
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Hotfix is what a backport says about the hotfix it carries.
type Hotfix struct {
	Number   int    // the hotfix PR
	Title    string // its title, untrusted
	Branch   string // its head branch
	Base     string // the branch it merged into
	MergeSHA string
	Tag      string // the release tag, when one was made
	Incident int    // the incident issue, when known
}

// Marker is the hidden marker that identifies a backport PR for a hotfix and a target.
func Marker(hotfixPR int, target string) string {
	return fmt.Sprintf("<!-- hotfix:backport pr=%d target=%s -->", hotfixPR, markerValue(target))
}

// markerValue keeps a value from closing the marker's comment.
func markerValue(s string) string {
	return strings.NewReplacer("--", "-", ">", "", " ", "_", "\n", "_").Replace(s)
}

// maxTitle is GitHub's limit on a pull request title, in characters.
const maxTitle = 256

// Title is the backport PR's title, on one line and within GitHub's limit.
func Title(h Hotfix, target string) string {
	title := strings.Join(strings.Fields(h.Title), " ")
	full := []rune(fmt.Sprintf("Backport #%d to %s: %s", h.Number, target, title))
	if len(full) > maxTitle {
		full = append(full[:maxTitle-1], '…')
	}
	return string(full)
}

// Body is the backport PR's description. When conflict is true it carries the commands that
// resolve the conflict locally.
func Body(h Hotfix, t Target, branch string, conflict bool) string {
	var b strings.Builder
	b.WriteString(Marker(h.Number, t.Branch) + "\n")
	fmt.Fprintf(&b, "## Backport of #%d to %s\n\n", h.Number, markdown.Code(t.Branch))
	fmt.Fprintf(&b, "Hotfix #%d, **%s**, was merged into %s as %s", h.Number, markdown.Text(strings.Join(strings.Fields(h.Title), " ")), markdown.Code(h.Base), h.MergeSHA)
	if h.Tag != "" {
		fmt.Fprintf(&b, " and released as %s", markdown.Code(h.Tag))
	}
	fmt.Fprintf(&b, ".\nThis pull request brings the same change to %s: %s.\n\n", markdown.Code(t.Branch), t.Reason)
	if h.Incident > 0 {
		fmt.Fprintf(&b, "Incident: #%d\n\n", h.Incident)
	}
	if conflict {
		b.WriteString(conflictHelp(branch, t.Branch))
	} else {
		b.WriteString("It merged cleanly when it was opened. Review it like any change to " + markdown.Code(t.Branch) + ", and merge it.\n")
	}
	return markdown.Truncate(b.String())
}

// conflictHelp says how to resolve the conflict by hand, with commands that are safe to paste:
// every branch name is shell-quoted.
func conflictHelp(branch, target string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "> [!CAUTION]\n> This backport conflicts with %s. It can't merge until the conflict is resolved by hand.\n\n", markdown.Code(target))
	b.WriteString("Resolve it locally:\n\n```sh\n")
	fmt.Fprintf(&b, "git fetch origin\ngit switch %s\n", shellQuote(branch))
	fmt.Fprintf(&b, "git merge %s\n", shellQuote("origin/"+target))
	b.WriteString("# fix the conflicted files, then:\ngit add -A\ngit commit --no-edit\n")
	fmt.Fprintf(&b, "git push origin %s\n```\n\nThen remove the `backport-conflict` label.\n", shellQuote(branch))
	return b.String()
}

// shellQuote makes s one word for a POSIX shell, whatever it holds.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
