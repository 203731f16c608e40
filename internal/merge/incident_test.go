package merge

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
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

// TestHandleAfterResolve: a hotfix merged after its incident was resolved finds the postmortem
// /resolve opened, and refreshes its facts with the PR, tag and backport, keeping what people wrote.
func TestHandleAfterResolve(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	ctx := context.Background()
	repo := incident.Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}
	identity := "sandbox-bot"
	opened, err := incident.Declare(ctx, s.Client, repo, incident.Declaration{RunID: 1, Title: "Logins time out", Severity: "P1", Commander: "ada"},
		incident.Options{Identity: identity, Production: "main", Prefix: "v", Window: 24 * time.Hour, Scale: incident.Severities, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := incident.Append(ctx, s.Client, repo, opened.Number, incident.Entry{Type: incident.Resolved, Text: "rolled back"}); err != nil {
		t.Fatal(err)
	}
	d := testDeps(s, config.Default())
	d.Identity = identity
	first, err := d.IncidentPostmortem(ctx, opened.Number)
	if err != nil {
		t.Fatal(err)
	}
	pm := first.Postmortem.Number
	body := strings.Replace(issueBody(t, s, pm), "✍️ _What happened, in two or three sentences._", "Logins hung for everyone.", 1)
	if _, _, err := s.Client.Issues.Edit(ctx, sandboxtest.Owner, sandboxtest.Name, pm, &github.IssueRequest{Body: &body}); err != nil {
		t.Fatal(err)
	}

	pr := sandboxtest.MergedHotfix(t, s, "squash", fmt.Sprintf("Incident: #%d", opened.Number))
	got, err := Handle(ctx, d, pr)
	if err != nil {
		t.Fatal(err)
	}
	if got.Postmortem == nil || got.Postmortem.Number != pm || got.Postmortem.Created || !got.Postmortem.Refreshed {
		t.Fatalf("postmortem = %+v, want #%d refreshed", got.Postmortem, pm)
	}
	after := issueBody(t, s, pm)
	for _, want := range []string{"Logins hung for everyone.", "released as `v1.2.4`", "Backport #4 to `develop`", "| Tagged v1.2.4 |", "to resolved ("} {
		if !strings.Contains(after, want) {
			t.Errorf("the refreshed postmortem lacks %q:\n%s", want, after)
		}
	}
	if strings.Contains(after, "No hotfix PR is linked yet") {
		t.Errorf("the resolution still says no PR is linked:\n%s", after)
	}
}

func issueBody(t *testing.T, s *sandboxtest.Sandbox, number int) string {
	t.Helper()
	is, _, err := s.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, number)
	if err != nil {
		t.Fatal(err)
	}
	return is.GetBody()
}
