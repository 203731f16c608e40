package sandbox

import (
	"fmt"
	"net/http"
)

// routesMerges registers POST /merges.
func (s *Server) routesMerges() {
	s.route("POST /repos/{owner}/{repo}/merges", s.merge)
}

// branchMerge is the body of POST /merges.
type branchMerge struct {
	Base          string `json:"base"`
	Head          string `json:"head"`
	CommitMessage string `json:"commit_message"`
}

// merge answers POST /merges: it merges head (a branch or SHA) into the branch base with a merge
// commit made from git merge-tree. 201 with the commit; 204 when base already has head; 409
// "Merge conflict"; 404 "Base does not exist" or "Head does not exist".
// https://docs.github.com/rest/branches/branches#merge-a-branch
func (s *Server) merge(w http.ResponseWriter, r *http.Request) error {
	var req branchMerge
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if req.Base == "" || req.Head == "" {
		return validationFailed("", fieldError{Resource: "Merge", Field: "base", Code: "missing_field"}, fieldError{Resource: "Merge", Field: "head", Code: "missing_field"})
	}
	baseRef, err := s.git.ref("refs/heads/" + req.Base)
	if err != nil {
		return &apiError{Status: http.StatusNotFound, Message: "Base does not exist"}
	}
	head, err := s.git.resolve(req.Head)
	if err != nil {
		return &apiError{Status: http.StatusNotFound, Message: "Head does not exist"}
	}
	if merged, err := s.git.isAncestor(head, baseRef.sha); err != nil || merged {
		w.WriteHeader(http.StatusNoContent)
		return err
	}
	sha, err := s.mergeCommit(baseRef.sha, head, req)
	if err != nil {
		return err
	}
	if err := s.git.updateRef(baseRef.name, sha); err != nil {
		return err
	}
	ci, err := s.git.commit(sha)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, s.commitJSON(ci))
}

// mergeCommit makes the merge commit of head into base, or returns a 409 on conflict.
func (s *Server) mergeCommit(base, head string, req branchMerge) (string, error) {
	tree, conflicted, err := s.git.mergeTree(base, head)
	if err != nil {
		return "", err
	}
	if conflicted {
		return "", conflict("Merge conflict")
	}
	msg := req.CommitMessage
	if msg == "" {
		msg = fmt.Sprintf("Merge %s into %s", req.Head, req.Base)
	}
	return s.git.commitTree(tree, msg, []string{base, head}, s.now())
}
