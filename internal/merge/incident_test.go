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

// TestHandleJoinsTheIncident: a hotfix PR that names its incident gets a postmortem with the
// incident's own facts, and its PR, tag, backport and postmortem join the incident's timeline
// once, however often the merge is handled.
func TestHandleJoinsTheIncident(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	identity := "sandbox-bot"
	started := time.Now().UTC().Add(-2 * time.Hour).Truncate(time.Second)
	opened, err := incident.Declare(ctx, s.Client, repo, incident.Declaration{
		RunID: 1, Title: "Logins time out", Severity: "P0", Service: "auth", Impact: "no logins", Commander: "ada", ImpactStarted: started,
	}, incident.Options{Identity: identity, Production: "main", Prefix: "v", Window: 24 * time.Hour, Scale: incident.Severities, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	pr := sandboxtest.MergedHotfix(t, s, "squash", fmt.Sprintf("Incident: #%d", opened.Number))
	d := testDeps(s, config.Default())
	d.Identity = identity
	got, err := Handle(ctx, d, pr)
	if err != nil {
		t.Fatal(err)
	}
	pm, _, err := s.Client.Issues.Get(ctx, sandboxtest.Owner, sandboxtest.Name, got.Postmortem.Number)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Incident Postmortem: Logins time out", "| **Severity** | P0 |", "| **Incident** | #1 |", "from impact start (" + started.Format("2006-01-02 15:04") + " UTC)"} {
		if !strings.Contains(pm.GetTitle()+"\n"+pm.GetBody(), want) {
			t.Errorf("postmortem lacks %q:\n%s", want, pm.GetBody())
		}
	}
	rec, err := incident.Load(ctx, s.Client, repo, opened.Number, identity)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, l := range rec.Links {
		kinds = append(kinds, l.Kind)
	}
	if strings.Join(kinds, ",") != "pr,tag,backport,postmortem" {
		t.Errorf("incident links = %v, want pr, tag, backport, postmortem", kinds)
	}
	if _, err := Handle(ctx, d, pr); err != nil {
		t.Fatal(err)
	}
	again, err := incident.Load(ctx, s.Client, repo, opened.Number, identity)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Links) != 4 {
		t.Errorf("%d links after a rerun, want 4", len(again.Links))
	}
}
