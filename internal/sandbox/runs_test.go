package sandbox

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

// dispatchWorkflow is a workflow file with the workflow_dispatch trigger.
const dispatchWorkflow = "name: Deploy\non:\n  workflow_dispatch:\n    inputs:\n      tag: {type: string}\njobs: {}\n"

func TestDispatchCreatesRun(t *testing.T) {
	t.Parallel()
	srv, c, dir, clock := newClockedSandbox(t)
	sha := pushBranch(t, dir, "main", map[string]string{".github/workflows/deploy.yml": dispatchWorkflow})
	runGit(t, dir, "tag", "v1.0.1", sha)
	ctx := context.Background()
	if _, err := c.Actions.CreateWorkflowDispatchEventByFileName(ctx, "acme", "shop", "deploy.yml",
		github.CreateWorkflowDispatchEventRequest{Ref: "v1.0.1", Inputs: map[string]any{"tag": "v1.0.1"}}); err != nil {
		t.Fatalf("dispatch: %v", err)
	}
	opts := &github.ListWorkflowRunsOptions{Event: "workflow_dispatch", Branch: "v1.0.1", Status: "queued"}
	runs, _, err := c.Actions.ListRepositoryWorkflowRuns(ctx, "acme", "shop", opts)
	if err != nil || len(runs.WorkflowRuns) != 0 {
		t.Fatalf("the list right after the 204: %d runs, %v; want none yet, as GitHub creates the run after answering", runs.GetTotalCount(), err)
	}
	runs, _, err = c.Actions.ListRepositoryWorkflowRuns(ctx, "acme", "shop", opts)
	if err != nil {
		t.Fatalf("list runs: %v", err)
	}
	if len(runs.WorkflowRuns) != 1 {
		t.Fatalf("runs: got %d, want 1", len(runs.WorkflowRuns))
	}
	r := runs.WorkflowRuns[0]
	got := []any{runs.GetTotalCount(), r.GetEvent(), r.GetHeadBranch(), r.GetHeadSHA(), srv.Runs()[0].Path, r.GetStatus(), r.GetConclusion(), r.GetName(), r.GetCreatedAt().Time}
	want := []any{1, "workflow_dispatch", "v1.0.1", sha, ".github/workflows/deploy.yml", "queued", "", "Deploy", clock.now()}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("run (-got +want):\n%s", diff)
	}
	done, err := srv.CompleteRun(r.GetID(), "success")
	if err != nil {
		t.Fatalf("complete run: %v", err)
	}
	byWorkflow, _, err := c.Actions.ListWorkflowRunsByID(ctx, "acme", "shop", r.GetWorkflowID(), &github.ListWorkflowRunsOptions{Status: "success"})
	if err != nil {
		t.Fatalf("list workflow runs: %v", err)
	}
	got = []any{byWorkflow.GetTotalCount(), byWorkflow.WorkflowRuns[0].GetStatus(), byWorkflow.WorkflowRuns[0].GetConclusion(), byWorkflow.WorkflowRuns[0].GetHTMLURL(), done.Inputs}
	want = []any{1, "completed", "success", done.HTMLURL, map[string]any{"tag": "v1.0.1"}}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("completed run (-got +want):\n%s", diff)
	}
}

// TestDispatchReturnsTheRun dispatches with return_run_details: 200 and the run, which the
// next list has.
func TestDispatchReturnsTheRun(t *testing.T) {
	t.Parallel()
	srv, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "main", map[string]string{".github/workflows/deploy.yml": dispatchWorkflow})
	ctx := context.Background()
	req, err := c.NewRequest("POST", "repos/acme/shop/actions/workflows/deploy.yml/dispatches", map[string]any{"ref": "main", "return_run_details": true})
	if err != nil {
		t.Fatal(err)
	}
	var got dispatchAnswer
	resp, err := c.Do(ctx, req, &got)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("dispatch: %v, %v; want 200", resp, err)
	}
	runs := srv.Runs()
	if len(runs) != 1 || got.RunID != runs[0].ID || got.HTMLURL != runs[0].HTMLURL || !strings.HasSuffix(got.RunURL, fmt.Sprintf("/repos/acme/shop/actions/runs/%d", runs[0].ID)) {
		t.Fatalf("answer %+v, runs %+v; want the one run", got, runs)
	}
	listed, _, err := c.Actions.ListRepositoryWorkflowRuns(ctx, "acme", "shop", nil)
	if err != nil || listed.GetTotalCount() != 1 || listed.WorkflowRuns[0].GetID() != got.RunID {
		t.Errorf("list after the dispatch: %v, %v; want the run at once", listed, err)
	}
}

func TestRunFilters(t *testing.T) {
	t.Parallel()
	srv, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "main", map[string]string{".github/workflows/deploy.yml": dispatchWorkflow,
		".github/workflows/other.yml": dispatchWorkflow})
	ctx := context.Background()
	for _, wf := range []string{"deploy.yml", "other.yml", "deploy.yml"} {
		if _, err := c.Actions.CreateWorkflowDispatchEventByFileName(ctx, "acme", "shop", wf, github.CreateWorkflowDispatchEventRequest{Ref: "main"}); err != nil {
			t.Fatalf("dispatch %s: %v", wf, err)
		}
	}
	if _, err := srv.CompleteRun(srv.Runs()[0].ID, "failure"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.Actions.ListRepositoryWorkflowRuns(ctx, "acme", "shop", nil); err != nil {
		t.Fatal(err) // the one read that misses runs a dispatch has only just started (dispatchLag)
	}
	tests := []struct {
		name string
		opts github.ListWorkflowRunsOptions
		want int
	}{
		{"all", github.ListWorkflowRunsOptions{}, 3},
		{"by branch", github.ListWorkflowRunsOptions{Branch: "main"}, 3},
		{"another branch", github.ListWorkflowRunsOptions{Branch: "v9"}, 0},
		{"by event", github.ListWorkflowRunsOptions{Event: "push"}, 0},
		{"by status", github.ListWorkflowRunsOptions{Status: "queued"}, 2},
		{"by conclusion", github.ListWorkflowRunsOptions{Status: "failure"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			runs, _, err := c.Actions.ListRepositoryWorkflowRuns(ctx, "acme", "shop", &tt.opts)
			if err != nil || runs.GetTotalCount() != tt.want || len(runs.WorkflowRuns) != tt.want {
				t.Errorf("got %d runs (%v), want %d", runs.GetTotalCount(), err, tt.want)
			}
		})
	}
}

func TestDispatchErrors(t *testing.T) {
	t.Parallel()
	srv, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "old", nil)
	pushBranch(t, dir, "main", map[string]string{".github/workflows/deploy.yml": dispatchWorkflow,
		".github/workflows/push.yml": "on: push\njobs: {}\n"})
	id := workflowID(".github/workflows/deploy.yml")
	noTrigger := apiFailure{Status: 422, Message: "Workflow does not have 'workflow_dispatch' trigger"}
	tests := []struct {
		name, workflow, ref string
		want                apiFailure
	}{
		{"an unknown workflow", "nope.yml", "main", apiFailure{Status: 404, Message: "Not Found"}},
		{"an unknown ref", "deploy.yml", "nope", apiFailure{Status: 422, Message: "No ref found for: nope"}},
		{"a ref without the file", "deploy.yml", "old", noTrigger},
		{"a workflow without the trigger", "push.yml", "main", noTrigger},
		{"an unknown id", "12", "main", apiFailure{Status: 404, Message: "Not Found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Actions.CreateWorkflowDispatchEventByFileName(context.Background(), "acme", "shop", tt.workflow, github.CreateWorkflowDispatchEventRequest{Ref: tt.ref})
			if diff := cmp.Diff(failure(err), tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
	t.Run("by id", func(t *testing.T) {
		t.Parallel()
		if _, err := c.Actions.CreateWorkflowDispatchEventByID(context.Background(), "acme", "shop", id, github.CreateWorkflowDispatchEventRequest{Ref: "main"}); err != nil {
			t.Errorf("dispatch by id: %v", err)
		}
	})
	t.Cleanup(func() {
		if got := len(srv.Runs()); got != 1 {
			t.Errorf("runs: got %d, want only the one by id", got)
		}
	})
}

func TestCompleteRunErrors(t *testing.T) {
	t.Parallel()
	srv, _, _ := newTestSandbox(t)
	if _, err := srv.CompleteRun(1, "success"); err == nil || err.Error() != "complete run 1: no such run" {
		t.Errorf("unknown run: %v", err)
	}
	if _, err := srv.CompleteRun(1, "done"); err == nil {
		t.Error("a conclusion GitHub does not have was accepted")
	}
}
