package sandbox

import (
	"net/http"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/google/go-github/v60/github"
)

// maxBody is GitHub's limit on issue, pull request and comment bodies, in characters.
const maxBody = 65536

// issueRecord is an issue, or a pull request when Pull is set: issues and pull requests share
// one number sequence, as on GitHub.
type issueRecord struct {
	Number      int         `json:"number"`
	ID          int64       `json:"id"`
	Title       string      `json:"title"`
	Body        string      `json:"body"`
	State       string      `json:"state"`
	StateReason string      `json:"state_reason,omitempty"`
	User        string      `json:"user"`
	Labels      []string    `json:"labels,omitempty"`
	Assignees   []string    `json:"assignees,omitempty"`
	Comments    int         `json:"comments"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`
	ClosedAt    *time.Time  `json:"closed_at,omitempty"`
	ClosedBy    string      `json:"closed_by,omitempty"`
	Pull        *pullRecord `json:"pull,omitempty"`
}

// routesIssues registers the issue endpoints. See https://docs.github.com/rest/issues/issues
func (s *Server) routesIssues() {
	s.route("POST /repos/{owner}/{repo}/issues", s.createIssue)
	s.route("GET /repos/{owner}/{repo}/issues", s.listIssues)
	s.route("GET /repos/{owner}/{repo}/issues/{number}", s.getIssue)
	s.route("PATCH /repos/{owner}/{repo}/issues/{number}", s.updateIssue)
}

// createIssue answers POST /repos/{owner}/{repo}/issues with 201 and the new issue.
func (s *Server) createIssue(w http.ResponseWriter, r *http.Request) error {
	var req github.IssueRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if err := checkIssueRequest(&req, true, "Issue"); err != nil {
		return err
	}
	now := s.now()
	rec := &issueRecord{
		Number: s.nextNumber(), ID: s.nextID(), Title: req.GetTitle(), Body: req.GetBody(),
		State: "open", User: s.requester(r), CreatedAt: now, UpdatedAt: now,
	}
	s.applyIssueLists(r, rec, &req)
	s.st.Issues[rec.Number] = rec
	return writeJSON(w, http.StatusCreated, s.issueJSON(rec))
}

// getIssue answers GET /repos/{owner}/{repo}/issues/{number}; a pull request answers as an issue
// with pull_request set, as on GitHub.
func (s *Server) getIssue(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.issueJSON(rec))
}

// updateIssue answers PATCH /repos/{owner}/{repo}/issues/{number}: title, body, state,
// state_reason, labels and assignees.
func (s *Server) updateIssue(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	var req github.IssueRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if err := checkIssueRequest(&req, false, "Issue"); err != nil {
		return err
	}
	if req.Title != nil {
		rec.Title = *req.Title
	}
	if req.Body != nil {
		rec.Body = *req.Body
	}
	s.applyIssueLists(r, rec, &req)
	if err := s.setIssueState(r, rec, req.GetState(), req.GetStateReason()); err != nil {
		return err
	}
	rec.UpdatedAt = s.now()
	return writeJSON(w, http.StatusOK, s.issueJSON(rec))
}

// checkIssueRequest validates a create (title required) or an update request of an issue or,
// as resource says, a pull request.
func checkIssueRequest(req *github.IssueRequest, create bool, resource string) error {
	var errs []fieldError
	if (create || req.Title != nil) && req.GetTitle() == "" {
		errs = append(errs, fieldError{Resource: resource, Field: "title", Code: "missing_field"})
	}
	if utf8.RuneCountInString(req.GetBody()) > maxBody {
		errs = append(errs, tooLong(resource))
	}
	switch req.GetState() {
	case "", "open", "closed":
	default:
		errs = append(errs, fieldError{Resource: resource, Field: "state", Code: "invalid",
			Message: "state must be one of: open, closed"})
	}
	switch req.GetStateReason() {
	case "", "completed", "not_planned", "reopened":
	default:
		errs = append(errs, fieldError{Resource: resource, Field: "state_reason", Code: "invalid",
			Message: "state_reason must be one of: completed, not_planned, reopened"})
	}
	if len(errs) > 0 {
		return validationFailed("", errs...)
	}
	return nil
}

// tooLong is GitHub's field error for a body over maxBody characters.
func tooLong(resource string) fieldError {
	return fieldError{Resource: resource, Field: "body", Code: "custom",
		Message: "body is too long (maximum is " + strconv.Itoa(maxBody) + " characters)"}
}

// applyIssueLists sets the labels (creating missing ones, as GitHub does) and assignees a
// request names, recording the label events as the requester.
func (s *Server) applyIssueLists(r *http.Request, rec *issueRecord, req *github.IssueRequest) {
	if req.Labels != nil {
		before := rec.Labels
		rec.Labels = s.ensureLabels(*req.Labels)
		s.recordLabelEvents(rec, before, s.requester(r))
	}
	if req.Assignee != nil {
		rec.Assignees = nonEmpty([]string{*req.Assignee})
	}
	if req.Assignees != nil {
		rec.Assignees = nonEmpty(*req.Assignees)
	}
}

// setIssueState closes or reopens rec; GitHub sets closed_at and closed_by on close and the
// state_reason "completed" unless told otherwise, and "reopened" on reopen.
func (s *Server) setIssueState(r *http.Request, rec *issueRecord, state, reason string) error {
	if state == "" || state == rec.State {
		if reason != "" {
			rec.StateReason = reason
		}
		return nil
	}
	if rec.Pull != nil && rec.Pull.Merged {
		return validationFailed("", fieldError{Resource: "Issue", Field: "state", Code: "custom",
			Message: "state cannot be changed. The pull request has been merged."})
	}
	rec.State = state
	if state == "open" {
		rec.ClosedAt, rec.ClosedBy, rec.StateReason = nil, "", "reopened"
		return nil
	}
	now := s.now()
	rec.ClosedAt, rec.ClosedBy, rec.StateReason = &now, s.requester(r), "completed"
	if reason != "" {
		rec.StateReason = reason
	}
	return nil
}

// issue finds the issue or pull request that the path's {number} names; 404 when there is none.
func (s *Server) issue(r *http.Request) (*issueRecord, error) {
	n, err := strconv.Atoi(r.PathValue("number"))
	if err != nil {
		return nil, notFound()
	}
	rec, ok := s.st.Issues[n]
	if !ok {
		return nil, notFound()
	}
	return rec, nil
}

// nextNumber takes the next issue or pull request number.
func (s *Server) nextNumber() int {
	n := s.st.NextNumber
	s.st.NextNumber++
	return n
}

// requester is the login of the user a request acts as, from its token.
func (s *Server) requester(r *http.Request) string {
	if c, ok := caller(r); ok && c.Login != "" {
		return c.Login
	}
	return s.opts.User
}

// nonEmpty drops empty strings.
func nonEmpty(list []string) []string {
	out := []string{}
	for _, v := range list {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}

// issueOut is GitHub's issue object: github.Issue with the fields GitHub sends as null or []
// rather than leaving them out.
type issueOut struct {
	*github.Issue
	Labels    []*labelOut       `json:"labels"`
	Assignees []*github.User    `json:"assignees"`
	Assignee  *github.User      `json:"assignee"`
	ClosedAt  *github.Timestamp `json:"closed_at"`
	Milestone *github.Milestone `json:"milestone"`
}

// issueJSON renders rec as GitHub's issue object.
func (s *Server) issueJSON(rec *issueRecord) *issueOut {
	url := s.apiURL("issues/%d", rec.Number)
	is := &github.Issue{
		ID: github.Int64(rec.ID), NodeID: github.String(nodeIDFor("I", rec.ID)),
		Number: github.Int(rec.Number), State: github.String(rec.State),
		Title: github.String(rec.Title), Body: github.String(rec.Body), User: s.user(rec.User),
		Comments: github.Int(rec.Comments), Locked: github.Bool(false),
		CreatedAt: stamp(rec.CreatedAt), UpdatedAt: stamp(rec.UpdatedAt),
		URL: github.String(url), HTMLURL: github.String(s.htmlURL("%s/%d", issueKind(rec), rec.Number)),
		CommentsURL: github.String(url + "/comments"), EventsURL: github.String(url + "/events"),
		LabelsURL: github.String(url + "/labels{/name}"), RepositoryURL: github.String(s.apiURL("")),
		AuthorAssociation: github.String(s.association(rec.User)),
	}
	out := &issueOut{Issue: is, Labels: s.labelsJSON(rec.Labels), Assignees: s.usersJSON(rec.Assignees)}
	if rec.StateReason != "" {
		is.StateReason = github.String(rec.StateReason)
	}
	if len(rec.Assignees) > 0 {
		out.Assignee = s.user(rec.Assignees[0])
	}
	if rec.ClosedAt != nil {
		out.ClosedAt, is.ClosedBy = stamp(*rec.ClosedAt), s.user(rec.ClosedBy)
	}
	if rec.Pull != nil {
		is.PullRequestLinks = s.pullLinks(rec)
	}
	return out
}

// issueKind is the html path segment for rec: "pull" for a pull request, "issues" otherwise.
func issueKind(rec *issueRecord) string {
	if rec.Pull != nil {
		return "pull"
	}
	return "issues"
}

// usersJSON renders logins as users; never nil, so an empty list encodes as [].
func (s *Server) usersJSON(logins []string) []*github.User {
	out := []*github.User{}
	for _, l := range logins {
		out = append(out, s.user(l))
	}
	return out
}

// stamp converts t for a go-github struct.
func stamp(t time.Time) *github.Timestamp {
	return &github.Timestamp{Time: t}
}
