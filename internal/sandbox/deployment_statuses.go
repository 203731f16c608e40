package sandbox

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/google/go-github/v60/github"
)

// createDeploymentStatus answers POST .../deployments/{id}/statuses with 201. The state must be
// one of deployStates; the environment defaults to the deployment's. (auto_inactive is not
// performed: earlier deployments keep their statuses.)
// https://docs.github.com/rest/deployments/statuses#create-a-deployment-status
func (s *Server) createDeploymentStatus(w http.ResponseWriter, r *http.Request) error {
	d, err := s.deployment(r)
	if err != nil {
		return err
	}
	var req github.DeploymentStatusRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if !slices.Contains(deployStates, req.GetState()) {
		return validationFailed("", fieldError{Resource: "DeploymentStatus", Field: "state", Code: "invalid"})
	}
	rec := &deployStatusRecord{ID: s.nextID(), Deployment: d.ID, State: req.GetState(),
		Description: req.GetDescription(), LogURL: req.GetLogURL(), EnvURL: req.GetEnvironmentURL(),
		Environment: orDefault(req.GetEnvironment(), d.Environment), Creator: s.requester(r), CreatedAt: s.now()}
	s.st.DeployStates = append(s.st.DeployStates, rec)
	return writeJSON(w, http.StatusCreated, s.deployStatusJSON(d, rec))
}

// listDeploymentStatuses answers GET .../deployments/{id}/statuses: newest first, paginated; an
// unknown deployment is a 404.
// https://docs.github.com/rest/deployments/statuses#list-deployment-statuses
func (s *Server) listDeploymentStatuses(w http.ResponseWriter, r *http.Request) error {
	d, err := s.deployment(r)
	if err != nil {
		return err
	}
	var all []*deployStatusRecord
	for _, st := range slices.Backward(s.st.DeployStates) {
		if st.Deployment == d.ID {
			all = append(all, st)
		}
	}
	page, err := paginate(w, r, all)
	if err != nil {
		return err
	}
	out := []*deployStatusOut{}
	for _, st := range page {
		out = append(out, s.deployStatusJSON(d, st))
	}
	return writeJSON(w, http.StatusOK, out)
}

// deployStatusOut is GitHub's deployment-status object, with its empty strings as GitHub sends them.
type deployStatusOut struct {
	*github.DeploymentStatus
	Description    string `json:"description"`
	TargetURL      string `json:"target_url"`
	LogURL         string `json:"log_url"`
	EnvironmentURL string `json:"environment_url"`
}

// deployStatusJSON renders st, a status of d, as GitHub's deployment-status object.
func (s *Server) deployStatusJSON(d *deploymentRecord, st *deployStatusRecord) *deployStatusOut {
	du := s.apiURL("deployments/%d", d.ID)
	return &deployStatusOut{DeploymentStatus: &github.DeploymentStatus{
		ID: github.Int64(st.ID), NodeID: github.String(nodeIDFor("DES", st.ID)), State: github.String(st.State),
		Creator: s.user(st.Creator), Environment: github.String(st.Environment),
		CreatedAt: stamp(st.CreatedAt), UpdatedAt: stamp(st.CreatedAt),
		URL: github.String(du + "/statuses/" + strconv.FormatInt(st.ID, 10)), DeploymentURL: github.String(du),
		RepositoryURL: github.String(s.apiURL("")),
	}, Description: st.Description, TargetURL: st.LogURL, LogURL: st.LogURL, EnvironmentURL: st.EnvURL}
}
