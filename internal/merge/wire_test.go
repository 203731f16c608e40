package merge

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestWiring: New asks for the toolkit's login only when the PR names an incident, once; ForPlan
// never asks, and knows the login only from the policy or the input.
func TestWiring(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{Tokens: []string{"app:incident-bot=S1"}})
	c := s.WithToken("S1")
	ctx := context.Background()
	viewer := func() int { return s.Server.Requests()["POST /graphql"] }
	w := Wiring{Client: c, Owner: sandboxtest.Owner, Name: sandboxtest.Name, Policy: config.Default(), Now: time.Now, Who: identity.New(c, "")}
	plain := &github.PullRequest{Body: github.String("no incident")}
	named := &github.PullRequest{Body: github.String("Incident: #4")}
	if d, err := New(ctx, w, plain); err != nil || d.Identity != "" || viewer() != 0 || d.Tagger.Now == nil {
		t.Errorf("New for a PR with no incident: %+v, %v, %d viewer queries", d, err, viewer())
	}
	if d := ForPlan(w); d.Identity != "" || viewer() != 0 {
		t.Errorf("ForPlan with no login named: identity %q, %d viewer queries; want none asked", d.Identity, viewer())
	}
	if d, err := New(ctx, w, named); err != nil || d.Identity != "incident-bot[bot]" || viewer() != 1 {
		t.Errorf("New for a PR naming an incident: identity %q, %v, %d viewer queries; want the app's login, asked once", d.Identity, err, viewer())
	}
	if d := ForPlan(w); d.Identity != "incident-bot[bot]" || viewer() != 1 {
		t.Errorf("ForPlan after the login was asked: identity %q, %d viewer queries", d.Identity, viewer())
	}
	w.Who = identity.New(c, "release-bot[bot]")
	if d := ForPlan(w); d.Identity != "release-bot[bot]" {
		t.Errorf("ForPlan with the identity input: %q", d.Identity)
	}
}
