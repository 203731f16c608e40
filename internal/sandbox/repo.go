package sandbox

import (
	"net/http"
	"strings"
)

// routesRepo registers the repository, the authenticated user, the rate limit and collaborators.
func (s *Server) routesRepo() {
	s.route("GET /repos/{owner}/{repo}", s.getRepo)
	s.route("GET /user", s.getUser)
	s.route("GET /rate_limit", s.getRateLimit)
	s.route("GET /repos/{owner}/{repo}/collaborators/{username}/permission", s.getPermission)
	s.route("PUT /repos/{owner}/{repo}/collaborators/{username}", s.putCollaborator)
}

// repoID is the repository's id; there is only one.
const repoID = 1296269

// getRepo answers GET /repos/{owner}/{repo}.
// https://docs.github.com/rest/repos/repos#get-a-repository
func (s *Server) getRepo(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, s.fullRepository())
}

// getUser answers GET /user with the token's user. An installation token (an app's or a
// workflow's) has no user: GitHub answers 403 "Resource not accessible by integration".
// https://docs.github.com/rest/users/users#get-the-authenticated-user
func (s *Server) getUser(w http.ResponseWriter, r *http.Request) error {
	if c, _ := caller(r); c.Integration() {
		return &apiError{Status: http.StatusForbidden, Message: "Resource not accessible by integration",
			DocURL: "https://docs.github.com/rest/users/users#get-the-authenticated-user"}
	}
	return writeJSON(w, http.StatusOK, s.privateUser(s.requester(r)))
}

// getRateLimit answers GET /rate_limit.
// https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user
func (s *Server) getRateLimit(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, s.rateLimitJSON(requestToken(r)))
}

// roles are the repository roles, strongest first, with the legacy permission each one reports.
var roles = map[string]string{"admin": "admin", "maintain": "write", "write": "write", "triage": "read", "read": "read", "none": "none"}

// getPermission answers GET .../collaborators/{username}/permission. The token's user is an
// admin; others have the role given to them, or none.
// https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user
func (s *Server) getPermission(w http.ResponseWriter, r *http.Request) error {
	login := r.PathValue("username")
	role := s.role(login)
	return writeJSON(w, http.StatusOK, map[string]any{"permission": roles[role], "role_name": role, "user": s.collaborator(login, role)})
}

// role is login's role on the repository.
func (s *Server) role(login string) string {
	if strings.EqualFold(login, s.opts.User) {
		return "admin"
	}
	for name, role := range s.st.Collaborators {
		if strings.EqualFold(name, login) {
			return role
		}
	}
	return "none"
}

// putCollaborator answers PUT .../collaborators/{username}: the user gets the role at once (no
// invitation), and the answer is 204 as for an existing collaborator. The body's permission is
// pull, triage, push, maintain or admin (default push).
// https://docs.github.com/rest/collaborators/collaborators#add-a-repository-collaborator
func (s *Server) putCollaborator(w http.ResponseWriter, r *http.Request) error {
	var body struct {
		Permission string `json:"permission"`
	}
	if err := decodeBody(r, &body); err != nil {
		return err
	}
	role, ok := map[string]string{"": "write", "pull": "read", "read": "read", "triage": "triage", "push": "write", "write": "write", "maintain": "maintain", "admin": "admin"}[body.Permission]
	if !ok {
		return validationFailed("", fieldError{Resource: "Repository", Field: "permission", Code: "invalid",
			Message: "permission must be one of pull, triage, push, maintain, admin"})
	}
	s.st.Collaborators[r.PathValue("username")] = role
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// SetCollaborator gives login a role on the repository: admin, maintain, write, triage, read or none.
func (s *Server) SetCollaborator(login, role string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.Collaborators[login] = role
	s.saveState()
}
