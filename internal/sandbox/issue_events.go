package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// issueEventRecord is one event in an issue's or pull request's history. The sandbox records the
// label events, labeled and unlabeled, which tell who applied a label and when.
type issueEventRecord struct {
	ID        int64     `json:"id"`
	Issue     int       `json:"issue"`
	Event     string    `json:"event"`
	Label     string    `json:"label"`
	Actor     string    `json:"actor"`
	CreatedAt time.Time `json:"created_at"`
}

// routesIssueEvents registers the issue events list.
// See https://docs.github.com/rest/issues/events#list-issue-events
func (s *Server) routesIssueEvents() {
	s.route("GET /repos/{owner}/{repo}/issues/{number}/events", s.listIssueEvents)
}

// listIssueEvents answers GET /repos/{owner}/{repo}/issues/{number}/events: the issue's events,
// oldest first, paginated.
func (s *Server) listIssueEvents(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.issue(r)
	if err != nil {
		return err
	}
	var events []*issueEventRecord
	for _, e := range s.st.IssueEvents {
		if e.Issue == rec.Number {
			events = append(events, e)
		}
	}
	page, err := paginate(w, r, events)
	if err != nil {
		return err
	}
	out := make([]*issueEventOut, 0, len(page))
	for _, e := range page {
		out = append(out, s.issueEventJSON(e))
	}
	return writeJSON(w, http.StatusOK, out)
}

// issueEventOut is GitHub's issue event: github.IssueEvent with its node_id, and the fields
// GitHub sends as null.
type issueEventOut struct {
	*github.IssueEvent
	NodeID       string      `json:"node_id"`
	CommitID     *string     `json:"commit_id"`
	CommitURL    *string     `json:"commit_url"`
	ViaGitHubApp *github.App `json:"performed_via_github_app"`
}

// issueEventJSON renders e as GitHub's issue event, with the label's name and color.
func (s *Server) issueEventJSON(e *issueEventRecord) *issueEventOut {
	color := defaultColor
	if l := s.st.Labels[strings.ToLower(e.Label)]; l != nil {
		color = l.Color
	}
	return &issueEventOut{NodeID: nodeIDFor("LE", e.ID), IssueEvent: &github.IssueEvent{
		ID:    github.Int64(e.ID),
		URL:   github.String(s.apiURL("issues/events/%d", e.ID)),
		Actor: s.user(e.Actor), Event: github.String(e.Event), CreatedAt: stamp(e.CreatedAt),
		Label: &github.Label{Name: github.String(e.Label), Color: github.String(color)},
	}}
}

// recordLabelEvents records, as actor, a labeled event for each label rec has that before did
// not, and an unlabeled event for each label before had that rec no longer has.
func (s *Server) recordLabelEvents(rec *issueRecord, before []string, actor string) {
	has := func(list []string, name string) bool {
		return slices.ContainsFunc(list, func(l string) bool { return strings.EqualFold(l, name) })
	}
	for _, l := range before {
		if !has(rec.Labels, l) {
			s.addIssueEvent(rec.Number, "unlabeled", l, actor)
		}
	}
	for _, l := range rec.Labels {
		if !has(before, l) {
			s.addIssueEvent(rec.Number, "labeled", l, actor)
		}
	}
}

// addIssueEvent stores one event at the server's time.
func (s *Server) addIssueEvent(issue int, event, label, actor string) {
	s.st.IssueEvents = append(s.st.IssueEvents, &issueEventRecord{ID: s.nextID(), Issue: issue,
		Event: event, Label: label, Actor: actor, CreatedAt: s.now()})
}

// LabelAs adds label to issue or pull request number as login, the way a person does on the web,
// and records the labeled event under login. Tests use it to have someone other than the token's
// user apply a label.
func (s *Server) LabelAs(number int, label, login string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.st.Issues[number]
	if !ok {
		return fmt.Errorf("label #%d as %s: no issue or pull request #%d", number, login, number)
	}
	before := rec.Labels
	rec.Labels = s.ensureLabels(append(slices.Clone(rec.Labels), label))
	rec.UpdatedAt = s.now()
	s.recordLabelEvents(rec, before, login)
	s.saveState()
	return nil
}
