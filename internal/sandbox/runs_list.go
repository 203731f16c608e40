package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/google/go-github/v60/github"
)

// runOut is GitHub's workflow-run object, with its nulls: conclusion while the run is not
// completed, head_commit when git cannot read the commit.
type runOut struct {
	ID             int64           `json:"id"`
	Name           string          `json:"name"`
	NodeID         string          `json:"node_id"`
	HeadBranch     string          `json:"head_branch"`
	HeadSHA        string          `json:"head_sha"`
	Path           string          `json:"path"`
	DisplayTitle   string          `json:"display_title"`
	RunNumber      int             `json:"run_number"`
	RunAttempt     int             `json:"run_attempt"`
	Event          string          `json:"event"`
	Status         string          `json:"status"`
	Conclusion     *string         `json:"conclusion"`
	WorkflowID     int64           `json:"workflow_id"`
	URL            string          `json:"url"`
	HTMLURL        string          `json:"html_url"`
	PullRequests   []any           `json:"pull_requests"`
	CreatedAt      time.Time       `json:"created_at"`
	UpdatedAt      time.Time       `json:"updated_at"`
	RunStartedAt   time.Time       `json:"run_started_at"`
	Actor          *github.User    `json:"actor"`
	Triggering     *github.User    `json:"triggering_actor"`
	JobsURL        string          `json:"jobs_url"`
	LogsURL        string          `json:"logs_url"`
	CheckSuiteURL  string          `json:"check_suite_url"`
	ArtifactsURL   string          `json:"artifacts_url"`
	CancelURL      string          `json:"cancel_url"`
	RerunURL       string          `json:"rerun_url"`
	WorkflowURL    string          `json:"workflow_url"`
	HeadCommit     *headCommitOut  `json:"head_commit"`
	Repository     *minimalRepoOut `json:"repository"`
	HeadRepository *minimalRepoOut `json:"head_repository"`
	Referenced     []json0         `json:"referenced_workflows"`
}

// json0 is an element type for lists the sandbox always sends empty.
type json0 struct{}

// headCommitOut is GitHub's simple-commit: a run's head commit.
type headCommitOut struct {
	ID        string         `json:"id"`
	TreeID    string         `json:"tree_id"`
	Message   string         `json:"message"`
	Timestamp time.Time      `json:"timestamp"`
	Author    map[string]any `json:"author"`
	Committer map[string]any `json:"committer"`
}

// runsOut is the body of both run lists.
type runsOut struct {
	TotalCount int       `json:"total_count"`
	Runs       []*runOut `json:"workflow_runs"`
}

// listRuns answers GET /repos/{owner}/{repo}/actions/runs: the runs, newest first, filtered by
// event, branch, status (a status or a conclusion), head_sha and actor, and paginated.
// https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-repository
func (s *Server) listRuns(w http.ResponseWriter, r *http.Request) error {
	return s.writeRuns(w, r, func(*runRecord) bool { return true })
}

// listWorkflowRuns answers GET .../actions/workflows/{workflow_id}/runs: listRuns for one
// workflow, a file name or an id; an unknown workflow is a 404.
// https://docs.github.com/rest/actions/workflow-runs#list-workflow-runs-for-a-workflow
func (s *Server) listWorkflowRuns(w http.ResponseWriter, r *http.Request) error {
	wf, err := s.findWorkflow(r.PathValue("workflow_id"))
	if err != nil {
		return err
	}
	return s.writeRuns(w, r, func(run *runRecord) bool { return run.WorkflowID == wf.ID })
}

// writeRuns writes the runs that keep and the query's filters select, newest first, one page.
func (s *Server) writeRuns(w http.ResponseWriter, r *http.Request, keep func(*runRecord) bool) error {
	var all []*runRecord
	for _, run := range slices.Backward(s.st.Runs) {
		if run.Unlisted > 0 {
			run.Unlisted--
			continue
		}
		if keep(run) && runMatches(run, r) {
			all = append(all, run)
		}
	}
	page, err := paginate(w, r, all)
	if err != nil {
		return err
	}
	out := runsOut{TotalCount: len(all), Runs: []*runOut{}}
	for _, run := range page {
		out.Runs = append(out.Runs, s.runJSON(run))
	}
	return writeJSON(w, http.StatusOK, out)
}

// runMatches reports whether run passes the list filters in r's query.
func runMatches(run *runRecord, r *http.Request) bool {
	q := r.URL.Query()
	is := func(key, v string) bool { return q.Get(key) == "" || q.Get(key) == v }
	status := q.Get("status")
	return is("event", run.Event) && is("branch", run.Branch) && is("head_sha", run.SHA) && is("actor", run.Actor) &&
		(status == "" || status == run.Status || status == run.Conclusion)
}

// runJSON renders run as GitHub's workflow-run object.
func (s *Server) runJSON(run *runRecord) *runOut {
	u := s.apiURL("actions/runs/%d", run.ID)
	actor := s.user(run.Actor)
	out := &runOut{ID: run.ID, Name: run.Name, NodeID: nodeIDFor("WFR", run.ID), HeadBranch: run.Branch,
		HeadSHA: run.SHA, Path: run.Path, DisplayTitle: run.Name, RunNumber: run.Number, RunAttempt: 1,
		Event: run.Event, Status: run.Status, WorkflowID: run.WorkflowID, URL: u,
		HTMLURL: s.htmlURL("actions/runs/%d", run.ID), PullRequests: []any{}, CreatedAt: run.CreatedAt,
		UpdatedAt: run.UpdatedAt, RunStartedAt: run.CreatedAt, Actor: actor, Triggering: actor,
		JobsURL: u + "/jobs", LogsURL: u + "/logs", CheckSuiteURL: s.apiURL("check-suites/%d", run.ID),
		ArtifactsURL: u + "/artifacts", CancelURL: u + "/cancel", RerunURL: u + "/rerun",
		WorkflowURL: s.apiURL("actions/workflows/%s", strconv.FormatInt(run.WorkflowID, 10)),
		HeadCommit:  s.headCommit(run.SHA), Repository: s.minimalRepository(), HeadRepository: s.minimalRepository(),
		Referenced: []json0{}}
	if run.Conclusion != "" {
		out.Conclusion = github.String(run.Conclusion)
	}
	return out
}

// headCommit is the simple-commit of sha, or nil when git cannot read it.
func (s *Server) headCommit(sha string) *headCommitOut {
	ci, err := s.git.commit(sha)
	if err != nil {
		return nil
	}
	return &headCommitOut{ID: ci.SHA, TreeID: ci.Tree, Message: ci.Message, Timestamp: ci.CommitterDate,
		Author:    map[string]any{"name": ci.AuthorName, "email": ci.AuthorEmail},
		Committer: map[string]any{"name": ci.CommitterName, "email": ci.CommitterEmail}}
}
