package merge

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestHandleHotfixWithoutIncidentKeepsItsOwnPostmortem merges a hotfix for an incident, then one
// that names no incident: the second gets a postmortem of its own, marked with its PR, and the
// incident's postmortem neither names it nor changes.
func TestHandleHotfixWithoutIncidentKeepsItsOwnPostmortem(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	opened, err := incident.Declare(ctx, s.Client, repo, incident.Declaration{RunID: 1, Title: "Logins time out", Severity: "P1", Commander: "ada"},
		incident.Options{Identity: "sandbox-bot", Production: "main", Prefix: "v", Window: 24 * time.Hour, Scale: incident.Severities, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	d := testDeps(s, config.Default())
	d.Identity = "sandbox-bot"
	first, err := Handle(ctx, d, sandboxtest.MergedHotfix(t, s, "squash", fmt.Sprintf("Incident: #%d", opened.Number)))
	if err != nil {
		t.Fatal(err)
	}
	before := issueBody(t, s, first.Postmortem.Number)

	pr2 := mergeSecondHotfix(t, s, "No incident was declared for this one.")
	second, err := Handle(ctx, d, pr2)
	if err != nil {
		t.Fatal(err)
	}
	if second.Postmortem == nil || second.Postmortem.Number == first.Postmortem.Number || !second.Postmortem.Created {
		t.Fatalf("the second hotfix's postmortem = %+v, want a new one apart from #%d", second.Postmortem, first.Postmortem.Number)
	}
	own := issueBody(t, s, second.Postmortem.Number)
	if marker := fmt.Sprintf("<!-- hotfix:postmortem pr=%d -->", pr2.GetNumber()); !strings.HasPrefix(own, marker) {
		t.Errorf("the second postmortem does not start with %q:\n%s", marker, own)
	}
	if !strings.Contains(own, fmt.Sprintf("Fixed by #%d (Cap the retries)", pr2.GetNumber())) {
		t.Errorf("the second postmortem does not name its fix:\n%s", own)
	}
	if after := issueBody(t, s, first.Postmortem.Number); after != before {
		t.Errorf("the incident's postmortem changed when a hotfix with no incident merged:\n%s", after)
	}
}
