package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/go-github/v60/github"
)

// commentRecord is one issue or pull request comment.
type commentRecord struct {
	ID        int64     `json:"id"`
	Issue     int       `json:"issue"`
	Body      string    `json:"body"`
	User      string    `json:"user"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// routesComments registers the issue comment endpoints.
// See https://docs.github.com/rest/issues/comments
//
// GET /issues/comments/{id} and GET /issues/{number}/comments overlap as ServeMux patterns, so
// the GET routes under /issues/{number}/ share one pattern and are told apart here.
func (s *Server) routesComments() {
	s.route("POST /repos/{owner}/{repo}/issues/{number}/comments", s.createComment)
	s.route("GET /repos/{owner}/{repo}/issues/comments", s.listRepoComments)
	s.route("GET /repos/{owner}/{repo}/issues/{number}/{sub}", s.getIssueSub)
	s.route("PATCH /repos/{owner}/{repo}/issues/comments/{id}", s.updateComment)
}

// getIssueSub answers GET /issues/comments/{id}, /issues/{number}/comments and
// /issues/{number}/labels.
func (s *Server) getIssueSub(w http.ResponseWriter, r *http.Request) error {
	switch {
	case r.PathValue("number") == "comments":
		r.SetPathValue("id", r.PathValue("sub"))
		return s.getComment(w, r)
	case r.PathValue("sub") == "comments":
		return s.listComments(w, r)
	case r.PathValue("sub") == "labels":
		return s.listIssueLabels(w, r)
	}
	return notFound()
}

// createComment answers POST /repos/{owner}/{repo}/issues/{number}/comments with 201; the
// issue's comment count and updated_at follow.
func (s *Server) createComment(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	body, err := commentBody(r)
	if err != nil {
		return err
	}
	now := s.now()
	c := &commentRecord{ID: s.nextID(), Issue: rec.Number, Body: body, User: s.requester(r),
		CreatedAt: now, UpdatedAt: now}
	s.st.Comments = append(s.st.Comments, c)
	rec.Comments++
	rec.UpdatedAt = now
	return writeJSON(w, http.StatusCreated, s.commentJSON(c))
}

// commentBody reads and validates a comment request: body is required and at most maxBody
// characters.
func commentBody(r *http.Request) (string, error) {
	var req github.IssueComment
	if err := decodeBody(r, &req); err != nil {
		return "", err
	}
	if req.GetBody() == "" {
		return "", validationFailed("", fieldError{Resource: "IssueComment", Field: "body", Code: "missing_field"})
	}
	if utf8.RuneCountInString(req.GetBody()) > maxBody {
		return "", validationFailed("", tooLong("IssueComment"))
	}
	return req.GetBody(), nil
}

// listComments answers GET /repos/{owner}/{repo}/issues/{number}/comments, oldest first,
// with since (updated at or after), paginated.
func (s *Server) listComments(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	return s.writeComments(w, r, func(c *commentRecord) bool { return c.Issue == rec.Number })
}

// listRepoComments answers GET /repos/{owner}/{repo}/issues/comments: every comment in the
// repository, with since, sort and direction, paginated.
func (s *Server) listRepoComments(w http.ResponseWriter, r *http.Request) error {
	return s.writeComments(w, r, func(*commentRecord) bool { return true })
}

// writeComments answers the comments that keep selects and that pass the since filter.
func (s *Server) writeComments(w http.ResponseWriter, r *http.Request, keep func(*commentRecord) bool) error {
	since, err := parseSince(r, "IssueComment")
	if err != nil {
		return err
	}
	var found []*commentRecord
	for _, c := range s.st.Comments {
		if keep(c) && !c.UpdatedAt.Before(since) {
			found = append(found, c)
		}
	}
	if err := sortComments(found, r); err != nil {
		return err
	}
	page, err := paginate(w, r, found)
	if err != nil {
		return err
	}
	out := []*github.IssueComment{}
	for _, c := range page {
		out = append(out, s.commentJSON(c))
	}
	return writeJSON(w, http.StatusOK, out)
}

// sortComments applies sort (created|updated) and direction (asc default) to list.
func sortComments(list []*commentRecord, r *http.Request) error {
	q := r.URL.Query()
	by, dir := q.Get("sort"), q.Get("direction")
	if !slices.Contains([]string{"", "created", "updated"}, by) {
		return validationFailed("", enumError("IssueComment", "sort", "created, updated"))
	}
	if !slices.Contains([]string{"", "asc", "desc"}, dir) {
		return validationFailed("", enumError("IssueComment", "direction", "asc, desc"))
	}
	slices.SortStableFunc(list, func(a, b *commentRecord) int {
		c := a.CreatedAt.Compare(b.CreatedAt)
		if by == "updated" {
			c = a.UpdatedAt.Compare(b.UpdatedAt)
		}
		if c == 0 {
			c = int(a.ID - b.ID)
		}
		if dir == "desc" {
			return -c
		}
		return c
	})
	return nil
}

// parseSince reads the since query parameter (RFC 3339); the zero time when it is absent.
func parseSince(r *http.Request, resource string) (time.Time, error) {
	v := r.URL.Query().Get("since")
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return t, validationFailed("", fieldError{Resource: resource, Field: "since", Code: "invalid",
			Message: "since must be an ISO 8601 timestamp: YYYY-MM-DDTHH:MM:SSZ"})
	}
	return t, nil
}

// getComment answers GET /repos/{owner}/{repo}/issues/comments/{id}.
func (s *Server) getComment(w http.ResponseWriter, r *http.Request) error {
	c, err := s.comment(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.commentJSON(c))
}

// updateComment answers PATCH /repos/{owner}/{repo}/issues/comments/{id}: a new body and
// updated_at.
func (s *Server) updateComment(w http.ResponseWriter, r *http.Request) error {
	c, err := s.comment(r)
	if err != nil {
		return err
	}
	body, err := commentBody(r)
	if err != nil {
		return err
	}
	c.Body, c.UpdatedAt = body, s.now()
	return writeJSON(w, http.StatusOK, s.commentJSON(c))
}

// comment finds the comment that the path's {id} names; 404 when there is none.
func (s *Server) comment(r *http.Request) (*commentRecord, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, notFound()
	}
	for _, c := range s.st.Comments {
		if c.ID == id {
			return c, nil
		}
	}
	return nil, notFound()
}

// commentJSON renders c as GitHub's issue comment object.
func (s *Server) commentJSON(c *commentRecord) *github.IssueComment {
	kind := "issues"
	if rec, ok := s.st.Issues[c.Issue]; ok {
		kind = issueKind(rec)
	}
	return &github.IssueComment{
		ID: github.Int64(c.ID), NodeID: github.String(nodeIDFor("IC", c.ID)),
		Body: github.String(c.Body), User: s.user(c.User),
		CreatedAt: stamp(c.CreatedAt), UpdatedAt: stamp(c.UpdatedAt),
		AuthorAssociation: github.String(s.association(c.User)),
		URL:               github.String(s.apiURL("issues/comments/%d", c.ID)),
		HTMLURL:           github.String(s.htmlURL("%s/%d#issuecomment-%d", kind, c.Issue, c.ID)),
		IssueURL:          github.String(s.apiURL("issues/%d", c.Issue)),
	}
}

// association is the author_association GitHub reports for login: OWNER for the repository's
// owner, COLLABORATOR for anyone with a role on it, NONE otherwise.
func (s *Server) association(login string) string {
	switch {
	case strings.EqualFold(login, s.opts.Owner):
		return "OWNER"
	case s.role(login) != "none":
		return "COLLABORATOR"
	}
	return "NONE"
}
