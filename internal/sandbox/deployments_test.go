package sandbox

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestDeploymentsAndStatuses(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	sha := runGit(t, dir, "rev-parse", "refs/heads/main")
	runGit(t, dir, "tag", "v1.0.0", sha)
	ctx := context.Background()
	d, _, err := c.Repositories.CreateDeployment(ctx, "acme", "shop", &github.DeploymentRequest{Ref: github.String("v1.0.0")})
	if err != nil {
		t.Fatalf("create deployment: %v", err)
	}
	if _, _, err := c.Repositories.CreateDeploymentStatus(ctx, "acme", "shop", d.GetID(),
		&github.DeploymentStatusRequest{State: github.String("success"), LogURL: github.String("https://ci/run/1")}); err != nil {
		t.Fatalf("create status: %v", err)
	}
	list, _, err := c.Repositories.ListDeployments(ctx, "acme", "shop", &github.DeploymentsListOptions{Environment: "production", Ref: "v1.0.0"})
	if err != nil || len(list) != 1 {
		t.Fatalf("list deployments: %d, %v", len(list), err)
	}
	sts, _, err := c.Repositories.ListDeploymentStatuses(ctx, "acme", "shop", d.GetID(), nil)
	if err != nil || len(sts) != 1 {
		t.Fatalf("list statuses: %d, %v", len(sts), err)
	}
	got := []any{list[0].GetSHA(), list[0].GetTask(), list[0].GetEnvironment(), sts[0].GetState(), sts[0].GetEnvironment(), sts[0].GetLogURL()}
	want := []any{sha, "deploy", "production", "success", "production", "https://ci/run/1"}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("deployment (-got +want):\n%s", diff)
	}
	other, _, err := c.Repositories.ListDeployments(ctx, "acme", "shop", &github.DeploymentsListOptions{Environment: "staging"})
	if err != nil || len(other) != 0 {
		t.Errorf("staging deployments: %d, %v", len(other), err)
	}
}

func TestDeploymentErrors(t *testing.T) {
	t.Parallel()
	_, c, dir := newTestSandbox(t)
	sha := runGit(t, dir, "rev-parse", "refs/heads/main")
	ctx := context.Background()
	if _, _, err := c.Repositories.CreateStatus(ctx, "acme", "shop", sha, &github.RepoStatus{State: github.String("failure"), Context: github.String("ci")}); err != nil {
		t.Fatal(err)
	}
	d, _, err := c.Repositories.CreateDeployment(ctx, "acme", "shop", &github.DeploymentRequest{Ref: github.String("main"), RequiredContexts: &[]string{}})
	if err != nil {
		t.Fatalf("deployment with no required contexts: %v", err)
	}
	tests := []struct {
		name string
		call func() error
		want apiFailure
	}{
		{"an unknown ref", func() error {
			_, _, err := c.Repositories.CreateDeployment(ctx, "acme", "shop", &github.DeploymentRequest{Ref: github.String("nope")})
			return err
		}, apiFailure{Status: 422, Message: "No ref found for: nope"}},
		{"failed checks", func() error {
			_, _, err := c.Repositories.CreateDeployment(ctx, "acme", "shop", &github.DeploymentRequest{Ref: github.String("main")})
			return err
		}, apiFailure{Status: 409, Message: "Conflict: Commit status checks failed for main."}},
		{"an unknown state", func() error {
			_, _, err := c.Repositories.CreateDeploymentStatus(ctx, "acme", "shop", d.GetID(), &github.DeploymentStatusRequest{State: github.String("done")})
			return err
		}, validation(github.Error{Resource: "DeploymentStatus", Field: "state", Code: "invalid"})},
		{"an unknown deployment", func() error {
			_, _, err := c.Repositories.CreateDeploymentStatus(ctx, "acme", "shop", 424242, &github.DeploymentStatusRequest{State: github.String("success")})
			return err
		}, apiFailure{Status: 404, Message: "Not Found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(failure(tt.call()), tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
}
