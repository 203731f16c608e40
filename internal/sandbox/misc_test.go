package sandbox

import (
	"context"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestWorkflowDispatch(t *testing.T) {
	t.Parallel()
	srv, c, dir, clock := newClockedSandbox(t)
	pushBranch(t, dir, "main", map[string]string{".github/workflows/incident.yml": dispatchWorkflow})
	resp, err := c.Actions.CreateWorkflowDispatchEventByFileName(context.Background(), "acme", "shop", "incident.yml",
		github.CreateWorkflowDispatchEventRequest{Ref: "main", Inputs: map[string]any{"title": "db down", "severity": "P1"}})
	if err != nil {
		t.Fatalf("dispatch workflow: %v", err)
	}
	want := []Dispatch{{Workflow: "incident.yml", Ref: "main", Inputs: map[string]any{"title": "db down", "severity": "P1"}, At: clock.now()}}
	if diff := cmp.Diff([]any{resp.StatusCode, srv.Dispatches()}, []any{204, want}); diff != "" {
		t.Errorf("dispatch (-got +want):\n%s", diff)
	}
}

func TestWorkflowDispatchErrors(t *testing.T) {
	t.Parallel()
	srv, c, dir := newTestSandbox(t)
	pushBranch(t, dir, "main", map[string]string{".github/workflows/deploy.yml": dispatchWorkflow})
	many := map[string]any{}
	for i := range 11 {
		many[fmt.Sprint("in", i)] = "x"
	}
	tests := []struct {
		name string
		req  github.CreateWorkflowDispatchEventRequest
		want apiFailure
	}{
		{"no ref", github.CreateWorkflowDispatchEventRequest{}, validation(github.Error{Resource: "WorkflowDispatch", Field: "ref", Code: "missing_field"})},
		{"an unknown ref", github.CreateWorkflowDispatchEventRequest{Ref: "nope"}, apiFailure{Status: 422, Message: "No ref found for: nope"}},
		{"eleven inputs", github.CreateWorkflowDispatchEventRequest{Ref: "main", Inputs: many},
			apiFailure{Status: 422, Message: "you may only define up to 10 `inputs` for a `workflow_dispatch` event"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.Actions.CreateWorkflowDispatchEventByFileName(context.Background(), "acme", "shop", "deploy.yml", tt.req)
			if diff := cmp.Diff(failure(err), tt.want); diff != "" {
				t.Errorf("(-got +want):\n%s", diff)
			}
		})
	}
	t.Cleanup(func() {
		if got := len(srv.Dispatches()); got != 0 {
			t.Errorf("rejected dispatches recorded: %d", got)
		}
	})
}
