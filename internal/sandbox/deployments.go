package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/google/go-github/v60/github"
)

// deployStates are the states a deployment status can have.
var deployStates = []string{"error", "failure", "inactive", "in_progress", "queued", "pending", "success"}

// deploymentRecord is one deployment of a ref to an environment.
type deploymentRecord struct {
	ID          int64          `json:"id"`
	SHA         string         `json:"sha"`
	Ref         string         `json:"ref"`
	Task        string         `json:"task"`
	Environment string         `json:"environment"`
	Description string         `json:"description,omitempty"`
	Payload     map[string]any `json:"payload,omitempty"`
	Creator     string         `json:"creator"`
	CreatedAt   time.Time      `json:"created_at"`
}

// deployStatusRecord is one status of a deployment.
type deployStatusRecord struct {
	ID          int64     `json:"id"`
	Deployment  int64     `json:"deployment_id"`
	State       string    `json:"state"`
	Description string    `json:"description,omitempty"`
	LogURL      string    `json:"log_url,omitempty"`
	EnvURL      string    `json:"environment_url,omitempty"`
	Environment string    `json:"environment"`
	Creator     string    `json:"creator"`
	CreatedAt   time.Time `json:"created_at"`
}

// deploymentRequest is the body of POST /deployments; go-github's DeploymentRequest cannot tell
// a missing required_contexts from an empty one, which GitHub treats differently.
type deploymentRequest struct {
	Ref              string         `json:"ref"`
	Task             string         `json:"task"`
	Environment      string         `json:"environment"`
	Description      string         `json:"description"`
	Payload          map[string]any `json:"payload"`
	RequiredContexts *[]string      `json:"required_contexts"`
}

// createDeployment answers POST /repos/{owner}/{repo}/deployments with 201. The ref must name a
// commit (422 "No ref found for: REF"); task defaults to deploy and environment to production.
// Unless required_contexts is given, every status context of the commit must be success, else
// 409 "Conflict: Commit status checks failed for REF." (auto_merge is not performed.)
// https://docs.github.com/rest/deployments/deployments#create-a-deployment
func (s *Server) createDeployment(w http.ResponseWriter, r *http.Request) error {
	var req deploymentRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if req.Ref == "" {
		return validationFailed("", fieldError{Resource: "Deployment", Field: "ref", Code: "missing_field"})
	}
	sha, err := s.git.resolve(req.Ref)
	if err != nil {
		return unprocessable("No ref found for: " + req.Ref)
	}
	if req.RequiredContexts == nil && combinedState(latestPerContext(s.statusesOf(sha))) == "failure" {
		return conflict("Conflict: Commit status checks failed for " + req.Ref + ".")
	}
	rec := &deploymentRecord{ID: s.nextID(), SHA: sha, Ref: req.Ref, Task: orDefault(req.Task, "deploy"),
		Environment: orDefault(req.Environment, "production"), Description: req.Description,
		Payload: req.Payload, Creator: s.requester(r), CreatedAt: s.now()}
	s.st.Deployments = append(s.st.Deployments, rec)
	return writeJSON(w, http.StatusCreated, s.deploymentJSON(rec))
}

// orDefault is v, or def when v is empty.
func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// statusesOf is the commit statuses of the full SHA sha, newest first.
func (s *Server) statusesOf(sha string) []*statusRecord {
	var out []*statusRecord
	for _, st := range slices.Backward(s.st.Statuses) {
		if st.SHA == sha {
			out = append(out, st)
		}
	}
	return out
}

// listDeployments answers GET /repos/{owner}/{repo}/deployments: newest first, filtered by sha,
// ref, task and environment, paginated.
// https://docs.github.com/rest/deployments/deployments#list-deployments
func (s *Server) listDeployments(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	is := func(key, v string) bool { return q.Get(key) == "" || q.Get(key) == v }
	var all []*deploymentRecord
	for _, d := range slices.Backward(s.st.Deployments) {
		if is("sha", d.SHA) && is("ref", d.Ref) && is("task", d.Task) && is("environment", d.Environment) {
			all = append(all, d)
		}
	}
	page, err := paginate(w, r, all)
	if err != nil {
		return err
	}
	out := []*deploymentOut{}
	for _, d := range page {
		out = append(out, s.deploymentJSON(d))
	}
	return writeJSON(w, http.StatusOK, out)
}

// deployment is the deployment whose id is the path's {id}, or a 404.
func (s *Server) deployment(r *http.Request) (*deploymentRecord, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	for _, d := range s.st.Deployments {
		if err == nil && d.ID == id {
			return d, nil
		}
	}
	return nil, notFound()
}

// deploymentOut is GitHub's deployment object, with description null when empty and payload an
// object.
type deploymentOut struct {
	*github.Deployment
	Description *string        `json:"description"`
	Payload     map[string]any `json:"payload"`
}

// deploymentJSON renders d as GitHub's deployment object.
func (s *Server) deploymentJSON(d *deploymentRecord) *deploymentOut {
	u := s.apiURL("deployments/%d", d.ID)
	out := &deploymentOut{Deployment: &github.Deployment{
		ID: github.Int64(d.ID), NodeID: github.String(nodeIDFor("DE", d.ID)), SHA: github.String(d.SHA),
		Ref: github.String(d.Ref), Task: github.String(d.Task), Environment: github.String(d.Environment),
		Creator: s.user(d.Creator), CreatedAt: stamp(d.CreatedAt), UpdatedAt: stamp(d.CreatedAt),
		URL: github.String(u), StatusesURL: github.String(u + "/statuses"), RepositoryURL: github.String(s.apiURL("")),
	}, Payload: orEmpty(d.Payload)}
	if d.Description != "" {
		out.Description = github.String(d.Description)
	}
	return out
}
