package sandbox

import (
	"cmp"
	"maps"
	"net/http"
	"time"
)

// maxDispatchInputs is how many inputs GitHub accepts in one workflow dispatch.
const maxDispatchInputs = 10

// dispatchRecord is one workflow_dispatch request, as received.
type dispatchRecord struct {
	Workflow string         `json:"workflow"`
	Ref      string         `json:"ref"`
	Inputs   map[string]any `json:"inputs,omitempty"`
	User     string         `json:"user"`
	At       time.Time      `json:"at"`
}

// Dispatch is a recorded workflow dispatch: the workflow's file name or id, the ref and inputs.
type Dispatch struct {
	Workflow string
	Ref      string
	Inputs   map[string]any
	At       time.Time
}

// routesMisc registers the workflow dispatch and workflow run endpoints.
// See https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event
func (s *Server) routesMisc() {
	s.route("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", s.dispatchWorkflow)
	s.route("GET /repos/{owner}/{repo}/actions/runs", s.listRuns)
	s.route("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", s.listWorkflowRuns)
	s.route("GET /repos/{owner}/{repo}/deployments", s.listDeployments)
	s.route("POST /repos/{owner}/{repo}/deployments", s.createDeployment)
	s.route("GET /repos/{owner}/{repo}/deployments/{id}/statuses", s.listDeploymentStatuses)
	s.route("POST /repos/{owner}/{repo}/deployments/{id}/statuses", s.createDeploymentStatus)
}

// dispatchRequest is the body of a workflow dispatch.
type dispatchRequest struct {
	Ref    string         `json:"ref"`
	Inputs map[string]any `json:"inputs,omitempty"`
	// ReturnRunDetails asks for the run in a 200 answer, in place of 204 No Content (GitHub,
	// since February 2026).
	ReturnRunDetails bool `json:"return_run_details,omitempty"`
}

// dispatchAnswer is the 200 answer to a dispatch with return_run_details.
type dispatchAnswer struct {
	RunID   int64  `json:"workflow_run_id"`
	RunURL  string `json:"run_url"`
	HTMLURL string `json:"html_url"`
}

// dispatchLag is how many reads of a run list miss a run that a dispatch without
// return_run_details started: GitHub answers such a dispatch before it creates the run, so a
// list right after it may not have the run yet.
const dispatchLag = 1

// dispatchWorkflow answers POST .../actions/workflows/{workflow_id}/dispatches with 204, records
// the dispatch and creates a queued workflow_dispatch run, which the next run list misses
// (dispatchLag); with return_run_details, 200 and the run, listed at once. The workflow (file
// name or id) must be on the default branch (else 404); the ref is required and must name a
// branch or tag in git; the workflow file at that ref must have the workflow_dispatch trigger;
// at most ten inputs.
func (s *Server) dispatchWorkflow(w http.ResponseWriter, r *http.Request) error {
	var req dispatchRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	switch {
	case req.Ref == "":
		return validationFailed("", fieldError{Resource: "WorkflowDispatch", Field: "ref", Code: "missing_field"})
	case len(req.Inputs) > maxDispatchInputs:
		return unprocessable("you may only define up to 10 `inputs` for a `workflow_dispatch` event")
	}
	wf, err := s.findWorkflow(r.PathValue("workflow_id"))
	if err != nil {
		return err
	}
	sha, err := s.git.resolve(req.Ref)
	if err != nil {
		return unprocessable("No ref found for: " + req.Ref)
	}
	spec, err := s.readWorkflow(sha, wf.Path)
	if err != nil || !spec.dispatchable() {
		return unprocessable("Workflow does not have 'workflow_dispatch' trigger")
	}
	user := s.requester(r)
	s.st.Dispatches = append(s.st.Dispatches, &dispatchRecord{Workflow: r.PathValue("workflow_id"),
		Ref: req.Ref, Inputs: req.Inputs, User: user, At: s.now()})
	run := s.newRun(wf, cmp.Or(spec.Name, wf.Path), "workflow_dispatch", req.Ref, sha, user, req.Inputs)
	if req.ReturnRunDetails && !s.opts.NoRunDetails {
		return writeJSON(w, http.StatusOK, dispatchAnswer{RunID: run.ID, RunURL: s.apiURL("actions/runs/%d", run.ID),
			HTMLURL: s.htmlURL("actions/runs/%d", run.ID)})
	}
	run.Unlisted = dispatchLag
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// Dispatches returns the workflow dispatches received, oldest first.
func (s *Server) Dispatches() []Dispatch {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Dispatch, 0, len(s.st.Dispatches))
	for _, d := range s.st.Dispatches {
		out = append(out, Dispatch{Workflow: d.Workflow, Ref: d.Ref, Inputs: maps.Clone(d.Inputs), At: d.At})
	}
	return out
}
