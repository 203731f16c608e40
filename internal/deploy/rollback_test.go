package deploy

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// rollbackRepo is a sandbox whose main has the deploy workflow and v1.0.0, then v1.0.1 a day
// later; v0.9.9 is tagged on a side branch. Its clock is at from, and the issue #1 exists.
func rollbackRepo(t *testing.T, clock *time.Time) (*sandboxtest.Sandbox, Roller) {
	t.Helper()
	s := sandboxtest.Start(t, sandboxtest.Options{Clock: func() time.Time { return *clock }})
	s.Push("side", map[string]string{"side.txt": "x\n"})
	s.Git("tag", "v0.9.9", "side")
	s.Push("main", map[string]string{".github/workflows/deploy.yml": workflow})
	s.Git("tag", "v1.0.0", "main")
	s.Push("main", map[string]string{"fix.txt": "1\n"})
	s.Git("tag", "v1.0.1", "main")
	if _, _, err := s.Client.Issues.Create(context.Background(), sandboxtest.Owner, sandboxtest.Name, &github.IssueRequest{Title: github.String("incident")}); err != nil {
		t.Fatal(err)
	}
	ro := Roller{Client: s.Client, Repo: Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, Deploy: policy(t, "deploy: {workflow: deploy.yml}\n"),
		Prefix: "v", Production: "main", Identity: "sandbox-bot"}
	return s, ro
}

func TestRollTag(t *testing.T) {
	t.Parallel()
	now := time.Now().UTC()
	s, ro := rollbackRepo(t, &now)
	got, err := ro.Roll(context.Background(), incident.Record{Number: 1, ImpactStart: now}, "v1.0.0")
	if err != nil || got.Tag != "v1.0.0" || got.Rule != "the release tag given" {
		t.Fatalf("Roll v1.0.0 = %+v, %v", got, err)
	}
	runs := s.Server.Runs()
	if len(runs) != 1 || runs[0].Branch != "v1.0.0" {
		t.Errorf("runs %+v, want one at v1.0.0", runs)
	}
	for tag, want := range map[string]string{
		"main":   "main is not a release tag (v followed by MAJOR.MINOR.PATCH)",
		"v2.0.0": "there is no tag v2.0.0 in the repository",
		"v0.9.9": "v0.9.9 is not on the production branch main",
	} {
		_, err := ro.Roll(context.Background(), incident.Record{Number: 1}, tag)
		if !errors.Is(err, incident.ErrRollback) || !strings.Contains(err.Error(), want) {
			t.Errorf("Roll %s: %v, want a refusal with %q", tag, err, want)
		}
	}
	if n := len(s.Server.Runs()); n != 1 {
		t.Errorf("%d runs after refusals, want 1", n)
	}
}

func TestRollLastKnownGood(t *testing.T) {
	t.Parallel()
	now := time.Now().UTC()
	s, ro := rollbackRepo(t, &now)
	ctx := context.Background()
	later := now.Add(time.Hour)
	rule := "the newest release tag before the impact started; no successful deployment to production before it was found"
	if got, err := ro.choose(ctx, incident.Record{ImpactStart: later}, ""); err != nil || got.Tag != "v1.0.1" || got.Rule != rule {
		t.Errorf("without deployments: %+v, %v; want v1.0.1 by the tag rule", got, err)
	}
	d, _, err := s.Client.Repositories.CreateDeployment(ctx, sandboxtest.Owner, sandboxtest.Name, &github.DeploymentRequest{Ref: github.String("v1.0.0")})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Client.Repositories.CreateDeploymentStatus(ctx, sandboxtest.Owner, sandboxtest.Name, d.GetID(), &github.DeploymentStatusRequest{State: github.String("success")}); err != nil {
		t.Fatal(err)
	}
	if got, err := ro.choose(ctx, incident.Record{ImpactStart: later}, ""); err != nil || got.Tag != "v1.0.0" || !strings.Contains(got.Rule, "deployed successfully to production") {
		t.Errorf("with a deployment of v1.0.0: %+v, %v; want v1.0.0 by the deployments rule", got, err)
	}
	before := now.Add(-time.Hour * 24 * 365)
	if _, err := ro.choose(ctx, incident.Record{ImpactStart: before}, ""); !errors.Is(err, incident.ErrRollback) {
		t.Errorf("nothing before the impact: %v, want a refusal", err)
	}
}
