package sandbox

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// runConclusions are the values a completed run's conclusion takes. A run's status is queued
// until CompleteRun makes it completed; the list filter `status` takes a status or a conclusion.
var runConclusions = []string{"action_required", "cancelled", "failure", "neutral", "skipped", "stale", "success", "timed_out"}

// runRecord is one workflow run. The sandbox runs no jobs: a dispatch makes a queued run, and a
// test completes it with Server.CompleteRun.
type runRecord struct {
	ID         int64          `json:"id"`
	WorkflowID int64          `json:"workflow_id"`
	Path       string         `json:"path"`
	Name       string         `json:"name"`
	Number     int            `json:"run_number"`
	Event      string         `json:"event"`
	Branch     string         `json:"head_branch"`
	SHA        string         `json:"head_sha"`
	Inputs     map[string]any `json:"inputs,omitempty"`
	Status     string         `json:"status"`
	Conclusion string         `json:"conclusion,omitempty"`
	Actor      string         `json:"actor"`
	CreatedAt  time.Time      `json:"created_at"`
	UpdatedAt  time.Time      `json:"updated_at"`
	// Unlisted is how many more reads of a run list miss this run (see dispatchLag).
	Unlisted int `json:"unlisted,omitempty"`
}

// Run is a workflow run as a test sees it.
type Run struct {
	ID         int64
	Path       string
	Event      string
	Branch     string
	SHA        string
	Inputs     map[string]any
	Status     string
	Conclusion string
	HTMLURL    string
	UpdatedAt  time.Time
}

// newRun records a queued run of w for event at ref (a branch or tag, short or full) and sha.
func (s *Server) newRun(w workflowFile, name, event, ref, sha, actor string, inputs map[string]any) *runRecord {
	n := 1
	for _, r := range s.st.Runs {
		if r.WorkflowID == w.ID {
			n++
		}
	}
	branch := strings.TrimPrefix(strings.TrimPrefix(ref, "refs/heads/"), "refs/tags/")
	rec := &runRecord{ID: s.nextID(), WorkflowID: w.ID, Path: w.Path, Name: name, Number: n, Event: event,
		Branch: branch, SHA: sha, Inputs: inputs, Status: "queued", Actor: actor, CreatedAt: s.now(), UpdatedAt: s.now()}
	s.st.Runs = append(s.st.Runs, rec)
	return rec
}

// Runs returns the workflow runs, oldest first.
func (s *Server) Runs() []Run {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Run, 0, len(s.st.Runs))
	for _, r := range s.st.Runs {
		out = append(out, s.runView(r))
	}
	return out
}

// runView is r as a test sees it.
func (s *Server) runView(r *runRecord) Run {
	return Run{ID: r.ID, Path: r.Path, Event: r.Event, Branch: r.Branch, SHA: r.SHA, Inputs: maps.Clone(r.Inputs),
		Status: r.Status, Conclusion: r.Conclusion, HTMLURL: s.htmlURL("actions/runs/%d", r.ID), UpdatedAt: r.UpdatedAt}
}

// CompleteRun is a test hook: it completes the run with id and conclusion (success, failure, …),
// as GitHub does when the run's jobs end, and returns the run. URLs in the result use the host
// of the last request served.
func (s *Server) CompleteRun(id int64, conclusion string) (Run, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !slices.Contains(runConclusions, conclusion) {
		return Run{}, fmt.Errorf("complete run %d: conclusion %q is not one of %s", id, conclusion, strings.Join(runConclusions, ", "))
	}
	for _, r := range s.st.Runs {
		if r.ID == id {
			r.Status, r.Conclusion, r.UpdatedAt = "completed", conclusion, s.now()
			s.saveState()
			return s.runView(r), nil
		}
	}
	return Run{}, fmt.Errorf("complete run %d: no such run", id)
}
