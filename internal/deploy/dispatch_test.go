package deploy

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// workflow is a deploy workflow with the workflow_dispatch trigger.
const workflow = "name: deploy\non:\n  workflow_dispatch:\n    inputs:\n      version: {type: string}\njobs: {}\n"

// policy is the deploy section of a policy file with text.
func policy(t *testing.T, text string) config.Deploy {
	t.Helper()
	p, err := config.Parse("hotfix.yml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return p.Deploy
}

func TestSkip(t *testing.T) {
	t.Parallel()
	on := "deploy: {workflow: deploy.yml, severities: [P0, P1]}\n"
	tests := []struct {
		name, policy, severity, tag, want string
	}{
		{"deploys", on, "P1", "v1.2.4", ""},
		{"off", "", "P1", "v1.2.4", "the policy names no deploy.workflow"},
		{"no tag", on, "P1", "", "the merge made no tag to deploy"},
		{"another severity", on, "P3", "v1.2.4", "severity P3 is not one of deploy.severities (P0, P1)"},
		{"unknown severity, some listed", on, "", "v1.2.4", "severity unknown is not one of deploy.severities (P0, P1)"},
		{"unknown severity, all listed", "deploy: {workflow: deploy.yml}\n", "", "v1.2.4", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := Skip(policy(t, tt.policy), tt.severity, tt.tag); got != tt.want {
				t.Errorf("Skip = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOnce(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("main", map[string]string{".github/workflows/deploy.yml": workflow})
	s.Git("tag", "v1.0.1", "main")
	cfg := policy(t, "deploy: {workflow: deploy.yml, ref: \"refs/tags/{tag}\", inputs: {version: \"{tag}\"}}\n")
	repo, ctx := Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, context.Background()
	first, err := Once(ctx, s.Client, repo, cfg, "v1.0.1")
	if err != nil {
		t.Fatal(err)
	}
	second, err := Once(ctx, s.Client, repo, cfg, "v1.0.1")
	if err != nil {
		t.Fatal(err)
	}
	runs := s.Server.Runs()
	if len(runs) != 1 {
		t.Fatalf("%d runs, want 1", len(runs))
	}
	want := []Result{{Tag: "v1.0.1", Workflow: "deploy.yml", Ref: "refs/tags/v1.0.1", Dispatched: true, RunURL: runs[0].HTMLURL},
		{Tag: "v1.0.1", Workflow: "deploy.yml", Ref: "refs/tags/v1.0.1", RunURL: runs[0].HTMLURL}}
	if diff := cmp.Diff([]Result{first, second}, want); diff != "" {
		t.Errorf("(-got +want):\n%s", diff)
	}
	if diff := cmp.Diff(runs[0].Inputs, map[string]any{"version": "v1.0.1"}); diff != "" {
		t.Errorf("inputs (-got +want):\n%s", diff)
	}
}

// TestOnceOnAServerWithoutRunDetails dispatches where GitHub answers 204 whatever the request
// asks: the result links no run, and a look-up right after finds none yet (the risk of a second
// deploy that return_run_details removes), then the run.
func TestOnceOnAServerWithoutRunDetails(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{NoRunDetails: true})
	s.Push("main", map[string]string{".github/workflows/deploy.yml": workflow})
	s.Git("tag", "v1.0.1", "main")
	cfg := policy(t, "deploy: {workflow: deploy.yml, ref: \"refs/tags/{tag}\"}\n")
	repo, ctx := Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, context.Background()
	got, err := Once(ctx, s.Client, repo, cfg, "v1.0.1")
	if err != nil || !got.Dispatched || got.RunURL != "" {
		t.Fatalf("Once = %+v, %v; want dispatched with no run named", got, err)
	}
	opts := &github.ListWorkflowRunsOptions{Event: "workflow_dispatch"}
	for i, want := range []int{0, 1} {
		runs, _, err := s.Client.Actions.ListWorkflowRunsByFileName(ctx, repo.Owner, repo.Name, "deploy.yml", opts)
		if err != nil || runs.GetTotalCount() != want {
			t.Errorf("look-up %d: %d runs, %v; want %d", i+1, runs.GetTotalCount(), err, want)
		}
	}
}

func TestOnceErrors(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Git("tag", "v1.0.0", "main")
	s.Push("main", map[string]string{".github/workflows/deploy.yml": workflow, ".github/workflows/ci.yml": "on: push\njobs: {}\n"})
	s.Git("tag", "v1.0.1", "main")
	repo, ctx := Repo{Owner: sandboxtest.Owner, Name: sandboxtest.Name}, context.Background()
	tests := []struct{ name, workflow, tag, want string }{
		{"unknown workflow", "nope.yml", "v1.0.1", "list the runs of nope.yml at v1.0.1: "},
		{"no trigger", "ci.yml", "v1.0.1", "dispatch ci.yml at v1.0.1: "},
		{"not at the tag", "deploy.yml", "v1.0.0", "(does deploy.yml have the workflow_dispatch trigger at that ref, and take those inputs?)"},
		{"unknown tag", "deploy.yml", "v9.9.9", "No ref found for: v9.9.9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Once(ctx, s.Client, repo, policy(t, "deploy: {workflow: "+tt.workflow+"}\n"), tt.tag)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Once: %v, want an error with %q", err, tt.want)
			}
		})
	}
	t.Cleanup(func() {
		if n := len(s.Server.Runs()); n != 0 {
			t.Errorf("%d runs after failed dispatches", n)
		}
	})
}
