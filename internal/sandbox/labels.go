package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/google/go-github/v60/github"
)

// defaultColor is the color of a label created without one, or created by naming it on an issue.
const defaultColor = "ededed"

// labelRecord is a repository label. Label names are unique ignoring case, as on GitHub.
type labelRecord struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Color       string `json:"color"`
	Description string `json:"description,omitempty"`
	// Default marks the labels GitHub creates with the repository.
	Default bool `json:"default,omitempty"`
}

// colorPattern is a label color: six hex digits without the '#'.
var colorPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-fA-F]{6}$`) })

// routesLabels registers the label endpoints. Label names may hold '/' (severity/P1), so the
// name is the rest of the path. See https://docs.github.com/rest/issues/labels
func (s *Server) routesLabels() {
	s.route("POST /repos/{owner}/{repo}/labels", s.createLabel)
	s.route("GET /repos/{owner}/{repo}/labels", s.listLabels)
	s.route("GET /repos/{owner}/{repo}/labels/{name...}", s.getLabel)
	s.route("POST /repos/{owner}/{repo}/issues/{number}/labels", s.addIssueLabels)
	s.route("PUT /repos/{owner}/{repo}/issues/{number}/labels", s.setIssueLabels)
	s.route("DELETE /repos/{owner}/{repo}/issues/{number}/labels", s.clearIssueLabels)
	s.route("DELETE /repos/{owner}/{repo}/issues/{number}/labels/{name...}", s.removeIssueLabel)
}

// createLabel answers POST /repos/{owner}/{repo}/labels with 201; a name already taken is a 422
// already_exists.
func (s *Server) createLabel(w http.ResponseWriter, r *http.Request) error {
	var req github.Label
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	color := strings.TrimPrefix(req.GetColor(), "#")
	if color == "" {
		color = defaultColor
	}
	switch {
	case strings.TrimSpace(req.GetName()) == "":
		return validationFailed("", fieldError{Resource: "Label", Field: "name", Code: "missing_field"})
	case !colorPattern().MatchString(color):
		return validationFailed("", fieldError{Resource: "Label", Field: "color", Code: "invalid",
			Message: "color must be six hex digits, such as d73a4a"})
	case s.st.Labels[strings.ToLower(req.GetName())] != nil:
		return validationFailed("", fieldError{Resource: "Label", Field: "name", Code: "already_exists"})
	}
	l := s.addLabel(req.GetName(), strings.ToLower(color), req.GetDescription())
	return writeJSON(w, http.StatusCreated, s.labelJSON(l))
}

// addLabel stores a new repository label.
func (s *Server) addLabel(name, color, description string) *labelRecord {
	l := &labelRecord{ID: s.nextID(), Name: name, Color: color, Description: description}
	if s.st.Labels == nil {
		s.st.Labels = map[string]*labelRecord{}
	}
	s.st.Labels[strings.ToLower(name)] = l
	return l
}

// getLabel answers GET /repos/{owner}/{repo}/labels/{name}.
func (s *Server) getLabel(w http.ResponseWriter, r *http.Request) error {
	l := s.st.Labels[strings.ToLower(r.PathValue("name"))]
	if l == nil {
		return notFound()
	}
	return writeJSON(w, http.StatusOK, s.labelJSON(l))
}

// listLabels answers GET /repos/{owner}/{repo}/labels, by name, paginated.
func (s *Server) listLabels(w http.ResponseWriter, r *http.Request) error {
	var names []string
	for _, l := range s.st.Labels {
		names = append(names, l.Name)
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	page, err := paginate(w, r, names)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.labelsJSON(page))
}

// listIssueLabels answers GET /repos/{owner}/{repo}/issues/{number}/labels, paginated.
func (s *Server) listIssueLabels(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	page, err := paginate(w, r, rec.Labels)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.labelsJSON(page))
}

// addIssueLabels answers POST /repos/{owner}/{repo}/issues/{number}/labels: the named labels
// are added (created when missing) and the issue's labels are answered.
func (s *Server) addIssueLabels(w http.ResponseWriter, r *http.Request) error {
	return s.changeIssueLabels(w, r, func(rec *issueRecord, names []string) {
		rec.Labels = s.ensureLabels(append(slices.Clone(rec.Labels), names...))
	})
}

// setIssueLabels answers PUT /repos/{owner}/{repo}/issues/{number}/labels: the named labels
// replace the issue's labels.
func (s *Server) setIssueLabels(w http.ResponseWriter, r *http.Request) error {
	return s.changeIssueLabels(w, r, func(rec *issueRecord, names []string) {
		rec.Labels = s.ensureLabels(names)
	})
}

// changeIssueLabels reads the label names of an add or set request, applies change and answers
// the issue's labels.
func (s *Server) changeIssueLabels(w http.ResponseWriter, r *http.Request, change func(*issueRecord, []string)) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	names, err := labelNames(r)
	if err != nil {
		return err
	}
	before := rec.Labels
	change(rec, names)
	s.recordLabelEvents(rec, before, s.requester(r))
	rec.UpdatedAt = s.now()
	return writeJSON(w, http.StatusOK, s.labelsJSON(rec.Labels))
}

// clearIssueLabels answers DELETE /repos/{owner}/{repo}/issues/{number}/labels with 204.
func (s *Server) clearIssueLabels(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	before := rec.Labels
	rec.Labels, rec.UpdatedAt = nil, s.now()
	s.recordLabelEvents(rec, before, s.requester(r))
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// removeIssueLabel answers DELETE /repos/{owner}/{repo}/issues/{number}/labels/{name} with the
// labels left; a label not on the issue is GitHub's 404 "Label does not exist".
func (s *Server) removeIssueLabel(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	name := r.PathValue("name")
	i := slices.IndexFunc(rec.Labels, func(l string) bool { return strings.EqualFold(l, name) })
	if i < 0 {
		return &apiError{Status: http.StatusNotFound, Message: "Label does not exist",
			DocURL: "https://docs.github.com/rest/issues/labels#remove-a-label-from-an-issue"}
	}
	before := rec.Labels
	rec.Labels = slices.Delete(slices.Clone(rec.Labels), i, i+1)
	s.recordLabelEvents(rec, before, s.requester(r))
	rec.UpdatedAt = s.now()
	return writeJSON(w, http.StatusOK, s.labelsJSON(rec.Labels))
}

// labelNames reads the label names of an add or set request. GitHub takes a bare array of names,
// {"labels": [...]}, or either with objects {"name": ...} in place of names.
func labelNames(r *http.Request) ([]string, error) {
	var raw json.RawMessage
	if err := decodeBody(r, &raw); err != nil {
		return nil, err
	}
	var wrapped struct {
		Labels json.RawMessage `json:"labels"`
	}
	if len(raw) > 0 && raw[0] == '{' {
		if err := json.Unmarshal(raw, &wrapped); err != nil {
			return nil, badRequest("Problems parsing JSON")
		}
		raw = wrapped.Labels
	}
	return parseNames(raw)
}

// parseNames decodes an array of names or of {"name": ...} objects; null is no names.
func parseNames(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var names []string
	if json.Unmarshal(raw, &names) == nil {
		return nonEmpty(names), nil
	}
	var objects []github.Label
	if err := json.Unmarshal(raw, &objects); err != nil {
		return nil, validationFailed("", fieldError{Resource: "Label", Field: "labels", Code: "invalid",
			Message: "labels must be an array of names"})
	}
	for _, o := range objects {
		names = append(names, o.GetName())
	}
	return nonEmpty(names), nil
}

// ensureLabels creates each named label that does not exist, as GitHub does when an issue names
// it, and returns the names without duplicates, spelled as the repository's labels are.
func (s *Server) ensureLabels(names []string) []string {
	out := []string{}
	for _, n := range nonEmpty(names) {
		l := s.st.Labels[strings.ToLower(n)]
		if l == nil {
			l = s.addLabel(n, defaultColor, "")
		}
		if !slices.Contains(out, l.Name) {
			out = append(out, l.Name)
		}
	}
	return out
}

// labelOut is GitHub's label object: github.Label with description null, not left out, when empty.
type labelOut struct {
	*github.Label
	Description *string `json:"description"`
}

// labelsJSON renders label names as GitHub's label objects; never nil.
func (s *Server) labelsJSON(names []string) []*labelOut {
	out := []*labelOut{}
	for _, n := range names {
		if l := s.st.Labels[strings.ToLower(n)]; l != nil {
			out = append(out, s.labelJSON(l))
		}
	}
	return out
}

// labelJSON renders l as GitHub's label object.
func (s *Server) labelJSON(l *labelRecord) *labelOut {
	gl := &github.Label{
		ID: github.Int64(l.ID), NodeID: github.String(nodeIDFor("LA", l.ID)),
		URL:  github.String(s.apiURL("labels/%s", url.PathEscape(l.Name))),
		Name: github.String(l.Name), Color: github.String(l.Color), Default: github.Bool(l.Default),
	}
	out := &labelOut{Label: gl}
	if l.Description != "" {
		out.Description = github.String(l.Description)
	}
	return out
}
