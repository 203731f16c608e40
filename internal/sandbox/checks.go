package sandbox

import "net/http"

// routesChecks registers the check runs of a ref. The sandbox runs no checks, so the list is
// empty; a ref that names no commit is GitHub's 422.
// https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference
func (s *Server) routesChecks() {
	s.route("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", s.listCheckRuns)
}

// checkRunsOut is the body of a check-run list.
type checkRunsOut struct {
	TotalCount int   `json:"total_count"`
	CheckRuns  []any `json:"check_runs"`
}

// listCheckRuns answers GET /commits/{ref}/check-runs: none, for a commit that exists.
func (s *Server) listCheckRuns(w http.ResponseWriter, r *http.Request) error {
	ref := r.PathValue("ref")
	if _, err := s.git.resolve(ref); err != nil {
		return unprocessable("No commit found for SHA: " + ref)
	}
	return writeJSON(w, http.StatusOK, checkRunsOut{CheckRuns: []any{}})
}
