package postmortem

import (
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/backport"
)

// TestTitleWithLineBreaks: a title with line breaks (the PR's, or the incident's) stays on the
// heading's line and the sentence that names the PR; it starts no heading or table row of its own.
func TestTitleWithLineBreaks(t *testing.T) {
	t.Parallel()
	f := incidentFacts()
	f.Title = "Checkout fails\n## Injected heading\n| forged | row |"
	f.PR.Title = "Fix login\r\n# Another heading\n| x | y |"
	body, err := Render("", f, "postmortem-action")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(body, "\n") {
		if strings.HasPrefix(line, "## Injected") || strings.HasPrefix(line, "# Another") || strings.HasPrefix(line, "| forged") || strings.HasPrefix(line, "| x |") {
			t.Errorf("a title's line break started a line of its own: %q", line)
		}
	}
	for _, want := range []string{"## Incident Postmortem: Checkout fails ## Injected heading | forged | row |\n", "Fixed by #42 (Fix login # Another heading | x | y |), merged as"} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if got := Title(f); strings.ContainsAny(got, "\r\n") {
		t.Errorf("issue title %q has a line break", got)
	}
	bp := backport.Body(backport.Hotfix{Number: 42, Title: f.PR.Title, Base: "main", MergeSHA: "3f2a9c0"}, backport.Target{Branch: "develop"}, "backport/42-develop", false)
	if strings.Contains(bp, "\n# Another") || strings.Contains(bp, "\n| x |") {
		t.Errorf("the backport body split the title:\n%s", bp)
	}
}
