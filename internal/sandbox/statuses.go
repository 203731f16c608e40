package sandbox

import (
	"net/http"
	"slices"
	"time"

	"github.com/google/go-github/v60/github"
)

// statusStates are the states a commit status can have.
var statusStates = []string{"error", "failure", "pending", "success"}

// statusRecord is one commit status, kept against the full SHA of a commit that exists in git.
type statusRecord struct {
	ID          int64     `json:"id"`
	SHA         string    `json:"sha"`
	State       string    `json:"state"`
	TargetURL   string    `json:"target_url,omitempty"`
	Description string    `json:"description,omitempty"`
	Context     string    `json:"context"`
	Creator     string    `json:"creator"`
	CreatedAt   time.Time `json:"created_at"`
}

// routesStatuses registers the commit status endpoints. A ref with '/' in it cannot be followed
// by /statuses in a ServeMux pattern, so those two reads take a SHA or a one-segment ref.
// See https://docs.github.com/rest/commits/statuses
func (s *Server) routesStatuses() {
	s.route("POST /repos/{owner}/{repo}/statuses/{sha}", s.createStatus)
	s.route("GET /repos/{owner}/{repo}/commits/{ref}/statuses", s.listStatuses)
	s.route("GET /repos/{owner}/{repo}/commits/{ref}/status", s.combinedStatus)
}

// createStatus answers POST /repos/{owner}/{repo}/statuses/{sha} with 201. The SHA must name a
// commit in git, and the state must be one of statusStates.
func (s *Server) createStatus(w http.ResponseWriter, r *http.Request) error {
	var req github.RepoStatus
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	sha := r.PathValue("sha")
	full, err := s.git.resolve(sha)
	if err != nil || !isSHAPrefix(sha, full) {
		return unprocessable("No commit found for SHA: " + sha)
	}
	if !slices.Contains(statusStates, req.GetState()) {
		return validationFailed("", fieldError{Resource: "Status", Field: "state", Code: "custom",
			Message: "state is not included in the list"})
	}
	rec := &statusRecord{ID: s.nextID(), SHA: full, State: req.GetState(), TargetURL: req.GetTargetURL(),
		Description: req.GetDescription(), Context: req.GetContext(), Creator: s.requester(r), CreatedAt: s.now()}
	if rec.Context == "" {
		rec.Context = "default"
	}
	s.st.Statuses = append(s.st.Statuses, rec)
	return writeJSON(w, http.StatusCreated, s.statusJSON(rec))
}

// isSHAPrefix reports whether sha is a hex abbreviation of full, so that a branch name is not
// taken for a SHA.
func isSHAPrefix(sha, full string) bool {
	return len(sha) >= 4 && len(sha) <= len(full) && full[:len(sha)] == sha
}

// listStatuses answers GET /repos/{owner}/{repo}/commits/{ref}/statuses: every status of the
// commit, newest first, paginated.
func (s *Server) listStatuses(w http.ResponseWriter, r *http.Request) error {
	all, err := s.statusesFor(r.PathValue("ref"))
	if err != nil {
		return err
	}
	page, err := paginate(w, r, all)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.statusesJSON(page))
}

// combinedStatus answers GET /repos/{owner}/{repo}/commits/{ref}/status: the latest status per
// context, oldest first as GitHub lists them, and the combined state. See
// https://docs.github.com/rest/commits/statuses#get-the-combined-status-for-a-specific-reference
func (s *Server) combinedStatus(w http.ResponseWriter, r *http.Request) error {
	all, err := s.statusesFor(r.PathValue("ref"))
	if err != nil {
		return err
	}
	latest := latestPerContext(all)
	slices.Reverse(latest)
	page, err := paginate(w, r, latest)
	if err != nil {
		return err
	}
	sha, _ := s.git.resolve(r.PathValue("ref"))
	return writeJSON(w, http.StatusOK, &combinedOut{
		CombinedStatus: &github.CombinedStatus{
			State: github.String(combinedState(latest)), SHA: github.String(sha), TotalCount: github.Int(len(latest)),
			CommitURL: github.String(s.apiURL("commits/%s", sha)), RepositoryURL: github.String(s.apiURL("")),
		},
		Statuses: s.statusesJSON(page), URL: s.apiURL("commits/%s/status", sha), Repository: s.minimalRepository(),
	})
}

// statusesFor returns the statuses of the commit ref names, newest first; 404 for an unknown ref.
func (s *Server) statusesFor(ref string) ([]*statusRecord, error) {
	sha, err := s.git.resolve(ref)
	if err != nil {
		return nil, err
	}
	var out []*statusRecord
	for i := len(s.st.Statuses) - 1; i >= 0; i-- {
		if s.st.Statuses[i].SHA == sha {
			out = append(out, s.st.Statuses[i])
		}
	}
	return out, nil
}

// latestPerContext keeps the first (newest) status of each context from a newest-first list.
func latestPerContext(newestFirst []*statusRecord) []*statusRecord {
	seen := map[string]bool{}
	var out []*statusRecord
	for _, st := range newestFirst {
		if !seen[st.Context] {
			seen[st.Context] = true
			out = append(out, st)
		}
	}
	return out
}

// combinedState is GitHub's rule: failure if any context is error or failure, pending if any is
// pending or there are none, success otherwise.
func combinedState(latest []*statusRecord) string {
	state := "success"
	if len(latest) == 0 {
		state = "pending"
	}
	for _, st := range latest {
		switch st.State {
		case "error", "failure":
			return "failure"
		case "pending":
			state = "pending"
		}
	}
	return state
}

// statusOut is GitHub's status object: github.RepoStatus with description and target_url null,
// not left out, when empty.
type statusOut struct {
	*github.RepoStatus
	Description *string `json:"description"`
	TargetURL   *string `json:"target_url"`
}

// combinedOut is GitHub's combined status object: github.CombinedStatus with its url, its
// repository and statuses that carry their nulls.
type combinedOut struct {
	*github.CombinedStatus
	Statuses   []*statusOut    `json:"statuses"`
	URL        string          `json:"url"`
	Repository *minimalRepoOut `json:"repository"`
}

// statusesJSON renders statuses; never nil.
func (s *Server) statusesJSON(list []*statusRecord) []*statusOut {
	out := []*statusOut{}
	for _, st := range list {
		out = append(out, s.statusJSON(st))
	}
	return out
}

// statusJSON renders st as GitHub's status object.
func (s *Server) statusJSON(st *statusRecord) *statusOut {
	creator := s.user(st.Creator)
	rs := &github.RepoStatus{
		ID: github.Int64(st.ID), NodeID: github.String(nodeIDFor("SC", st.ID)),
		URL:   github.String(s.apiURL("statuses/%s", st.SHA)),
		State: github.String(st.State), Context: github.String(st.Context), AvatarURL: creator.AvatarURL,
		Creator: creator, CreatedAt: stamp(st.CreatedAt), UpdatedAt: stamp(st.CreatedAt),
	}
	out := &statusOut{RepoStatus: rs}
	if st.TargetURL != "" {
		out.TargetURL = github.String(st.TargetURL)
	}
	if st.Description != "" {
		out.Description = github.String(st.Description)
	}
	return out
}
