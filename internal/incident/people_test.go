package incident

import (
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// TestPersonShownAlike checks the one rendering of a person across what an incident writes: the
// log comment of a commander change, the declared message, the summary's Commander cell and
// timeline, and the postmortem made from the record (its Author and its timeline) all show a
// login as @login, a mention; none shows it as the escaped @&#8203;login.
func TestPersonShownAlike(t *testing.T) {
	t.Parallel()
	p1, _ := Severities.Get("P1")
	change := Entry{Type: Commander, Login: "bob", Time: at(10, 10), ID: 2}
	r := Fold([]Entry{declared(at(10, 5), 1), change})
	pm, err := postmortem.Render("", FactsFor(r, testOptions(), postmortem.PR{}), "postmortem-action")
	if err != nil {
		t.Fatal(err)
	}
	places := map[string]struct{ got, want string }{
		"declared message": {declaredEntry(Declaration{Severity: "P1", Commander: "alice"}).Message, "by @alice."},
		"commander note":   {Note(r, change, p1), "@bob now leads"},
		"alert":            {Alert(r, p1, at(10, 10)), "**Incident commander:** @bob"},
		"summary cell":     {Summary(r, Severities), "| Commander | @bob |"},
		"summary timeline": {Summary(r, Severities), "| Commander is now @bob |"},
		"postmortem":       {pm, "| **Author** | @bob |"},
		"postmortem line":  {pm, "| Commander is now @bob |"},
	}
	for name, p := range places {
		if !strings.Contains(p.got, p.want) || strings.Contains(p.got, "&#8203;bob") || strings.Contains(p.got, "&#8203;alice") {
			t.Errorf("%s: want %q and no escaped login in:\n%s", name, p.want, p.got)
		}
	}
}

// TestTeamNeverPings checks that a name that is no user's login (a team, a hostile string) is
// shown as text that pings no one, in every place a person is shown.
func TestTeamNeverPings(t *testing.T) {
	t.Parallel()
	p1, _ := Severities.Get("P1")
	d := declared(at(10, 5), 1)
	d.Commander = "acme/sre"
	r := Fold([]Entry{d})
	pm, err := postmortem.Render("", FactsFor(r, testOptions(), postmortem.PR{}), "postmortem-action")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]string{
		"alert": Alert(r, p1, at(10, 5)), "summary": Summary(r, Severities), "postmortem": pm,
		"declared message": declaredEntry(Declaration{Severity: "P1", Commander: "acme/sre"}).Message,
	} {
		mermaid := strings.Index(got, "```mermaid")
		if mermaid >= 0 {
			got = got[:mermaid] // a code block, where nothing pings
		}
		if strings.Contains(got, "@acme") || !strings.Contains(got, "@&#8203;acme/sre") {
			t.Errorf("%s: the team is not shown as inert text:\n%s", name, got)
		}
	}
}
