package sandbox

import (
	"context"
	"net/http"
	"strings"
)

// refRequest is the body of POST and PATCH /git/refs.
type refRequest struct {
	Ref   string `json:"ref"`
	SHA   string `json:"sha"`
	Force bool   `json:"force"`
}

// createRef answers POST /git/refs: 201 with the new reference; 422 "Reference already exists"
// when it does, and 422 for a bad name or an object that does not exist.
// https://docs.github.com/rest/git/refs#create-a-reference
func (s *Server) createRef(w http.ResponseWriter, r *http.Request) error {
	var req refRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if err := s.checkRefRequest(req); err != nil {
		return err
	}
	if _, err := s.git.ref(req.Ref); err == nil {
		return unprocessable("Reference already exists")
	}
	if _, err := s.git.run(context.Background(), nil, "update-ref", "--end-of-options", req.Ref, req.SHA, ""); err != nil {
		return unprocessable("Reference update failed")
	}
	e, err := s.git.ref(req.Ref)
	if err != nil {
		return err
	}
	w.Header().Set("Location", s.apiURL("git/%s", e.name))
	return writeJSON(w, http.StatusCreated, s.reference(e))
}

// checkRefRequest validates a new reference's name and object as GitHub does.
func (s *Server) checkRefRequest(req refRequest) error {
	if req.Ref == "" || req.SHA == "" {
		return unprocessable("Invalid request.\n\n\"ref\" and \"sha\" are required.")
	}
	if !strings.HasPrefix(req.Ref, "refs/") || strings.Count(req.Ref, "/") < 2 {
		return unprocessable("Reference name must contain at least three slash-separated components.")
	}
	if _, err := s.git.run(context.Background(), nil, "check-ref-format", req.Ref); err != nil {
		return unprocessable(req.Ref + " is not a valid ref name.")
	}
	return s.checkObject(req.SHA)
}

// checkObject is a 422 "Object does not exist" unless sha is a full SHA in the repository.
func (s *Server) checkObject(sha string) error {
	if !fullSHA().MatchString(sha) {
		return unprocessable("Object does not exist")
	}
	if _, err := s.git.peel(sha, "object"); err != nil {
		return unprocessable("Object does not exist")
	}
	return nil
}

// updateRef answers PATCH /git/refs/{ref}: it moves the reference to sha, only forward unless
// force is set.
// https://docs.github.com/rest/git/refs#update-a-reference
func (s *Server) updateRef(w http.ResponseWriter, r *http.Request) error {
	var req refRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	old, err := s.git.ref("refs/" + r.PathValue("ref"))
	if err != nil {
		return unprocessable("Reference does not exist")
	}
	if err := s.checkObject(req.SHA); err != nil {
		return err
	}
	if !req.Force && !s.fastForward(old.sha, req.SHA) {
		return unprocessable("Update is not a fast forward")
	}
	if _, err := s.git.run(context.Background(), nil, "update-ref", "--end-of-options", old.name, req.SHA, old.sha); err != nil {
		return unprocessable("Reference update failed")
	}
	e, err := s.git.ref(old.name)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.reference(e))
}

// fastForward reports whether moving from old to sha keeps old's commit in the history.
func (s *Server) fastForward(old, sha string) bool {
	from, err1 := s.git.resolve(old)
	to, err2 := s.git.resolve(sha)
	if err1 != nil || err2 != nil {
		return old == sha
	}
	ok, err := s.git.isAncestor(from, to)
	return err == nil && ok
}

// deleteRef answers DELETE /git/refs/{ref}: 204, or 422 "Reference does not exist".
// https://docs.github.com/rest/git/refs#delete-a-reference
func (s *Server) deleteRef(w http.ResponseWriter, r *http.Request) error {
	e, err := s.git.ref("refs/" + r.PathValue("ref"))
	if err != nil {
		return unprocessable("Reference does not exist")
	}
	if _, err := s.git.run(context.Background(), nil, "update-ref", "-d", "--end-of-options", e.name, e.sha); err != nil {
		return unprocessable("Reference update failed")
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
