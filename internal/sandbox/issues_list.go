package sandbox

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// issueFilter is the query of GET /repos/{owner}/{repo}/issues.
// See https://docs.github.com/rest/issues/issues#list-repository-issues
type issueFilter struct {
	state     string
	labels    []string
	since     time.Time
	assignee  string
	creator   string
	sort      string
	ascending bool
}

// listIssues answers GET /repos/{owner}/{repo}/issues, pull requests included as on GitHub,
// filtered by state, labels (all of them), since, assignee and creator, sorted and paginated.
func (s *Server) listIssues(w http.ResponseWriter, r *http.Request) error {
	f, err := parseIssueFilter(r.URL.Query())
	if err != nil {
		return err
	}
	var found []*issueRecord
	for _, rec := range s.st.Issues {
		if f.match(rec) {
			found = append(found, rec)
		}
	}
	sortIssues(found, f.sort, f.ascending)
	page, err := paginate(w, r, found)
	if err != nil {
		return err
	}
	out := []*issueOut{}
	for _, rec := range page {
		out = append(out, s.issueJSON(rec))
	}
	return writeJSON(w, http.StatusOK, out)
}

// parseIssueFilter reads the list query; a value outside an enum is a 422 naming the valid ones.
func parseIssueFilter(q url.Values) (issueFilter, error) {
	f := issueFilter{state: q.Get("state"), sort: q.Get("sort"), assignee: q.Get("assignee"),
		creator: q.Get("creator")}
	var errs []fieldError
	if f.state == "" {
		f.state = "open"
	}
	if !slices.Contains([]string{"open", "closed", "all"}, f.state) {
		errs = append(errs, enumError("Issue", "state", "open, closed, all"))
	}
	if f.sort == "" {
		f.sort = "created"
	}
	if !slices.Contains([]string{"created", "updated", "comments"}, f.sort) {
		errs = append(errs, enumError("Issue", "sort", "created, updated, comments"))
	}
	switch q.Get("direction") {
	case "", "desc":
	case "asc":
		f.ascending = true
	default:
		errs = append(errs, enumError("Issue", "direction", "asc, desc"))
	}
	if v := q.Get("labels"); v != "" {
		f.labels = nonEmpty(strings.Split(v, ","))
	}
	if v := q.Get("since"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			errs = append(errs, fieldError{Resource: "Issue", Field: "since", Code: "invalid",
				Message: "since must be an ISO 8601 timestamp: YYYY-MM-DDTHH:MM:SSZ"})
		}
		f.since = t
	}
	if len(errs) > 0 {
		return f, validationFailed("", errs...)
	}
	return f, nil
}

// enumError is the field error for a value outside an enum.
func enumError(resource, field, valid string) fieldError {
	return fieldError{Resource: resource, Field: field, Code: "invalid",
		Message: field + " must be one of: " + valid}
}

// match reports whether rec passes every filter.
func (f issueFilter) match(rec *issueRecord) bool {
	if f.state != "all" && rec.State != f.state {
		return false
	}
	if !f.since.IsZero() && rec.UpdatedAt.Before(f.since) {
		return false
	}
	if f.creator != "" && !strings.EqualFold(rec.User, f.creator) {
		return false
	}
	for _, l := range f.labels {
		if !containsFold(rec.Labels, strings.TrimSpace(l)) {
			return false
		}
	}
	return matchAssignee(rec.Assignees, f.assignee)
}

// matchAssignee applies the assignee filter: a login, "none" or "*".
func matchAssignee(assignees []string, want string) bool {
	switch want {
	case "":
		return true
	case "none":
		return len(assignees) == 0
	case "*":
		return len(assignees) > 0
	}
	return containsFold(assignees, want)
}

// containsFold reports whether list holds v, ignoring case as GitHub does for logins and labels.
func containsFold(list []string, v string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, v) })
}

// sortIssues orders issues by created, updated or comments, newest (most) first unless ascending;
// ties fall back to the number.
func sortIssues(list []*issueRecord, by string, ascending bool) {
	key := func(rec *issueRecord) int64 {
		switch by {
		case "updated":
			return rec.UpdatedAt.Unix()
		case "comments":
			return int64(rec.Comments)
		}
		return rec.CreatedAt.Unix()
	}
	slices.SortFunc(list, func(a, b *issueRecord) int {
		c := cmp.Compare(key(a), key(b))
		if c == 0 {
			c = a.Number - b.Number
		}
		if ascending {
			return c
		}
		return -c
	})
}
