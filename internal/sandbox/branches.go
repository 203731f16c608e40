package sandbox

import (
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

// routesBranches registers the branches API.
// https://docs.github.com/rest/branches/branches
func (s *Server) routesBranches() {
	s.route("GET /repos/{owner}/{repo}/branches", s.listBranches)
	s.route("GET /repos/{owner}/{repo}/branches/{branch...}", s.getBranch)
}

// listBranches answers GET /branches: the branches by name, a page at a time.
func (s *Server) listBranches(w http.ResponseWriter, r *http.Request) error {
	heads, err := s.git.refs("refs/heads/")
	if err != nil {
		return err
	}
	page, err := paginate(w, r, heads)
	if err != nil {
		return err
	}
	out := make([]*github.Branch, 0, len(page))
	for _, e := range page {
		out = append(out, &github.Branch{
			Name:      github.String(strings.TrimPrefix(e.name, "refs/heads/")),
			Commit:    &github.RepositoryCommit{SHA: github.String(e.sha), URL: github.String(s.apiURL("commits/%s", e.sha))},
			Protected: github.Bool(false),
		})
	}
	return writeJSON(w, http.StatusOK, out)
}

// getBranch answers GET /branches/{branch}: the branch with its head commit, or 404
// "Branch not found".
func (s *Server) getBranch(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("branch")
	e, err := s.git.ref("refs/heads/" + name)
	if err != nil {
		return &apiError{Status: http.StatusNotFound, Message: "Branch not found"}
	}
	ci, err := s.git.commit(e.sha)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{
		"name":           name,
		"commit":         s.commitJSON(ci),
		"_links":         map[string]string{"self": s.apiURL("branches/%s", name), "html": s.htmlURL("tree/%s", name)},
		"protected":      false,
		"protection":     map[string]any{"enabled": false, "required_status_checks": map[string]any{"enforcement_level": "off", "contexts": []string{}, "checks": []string{}}},
		"protection_url": s.apiURL("branches/%s/protection", name),
	})
}
