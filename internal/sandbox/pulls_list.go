package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// GitHub's caps on a pull request's lists. See
// https://docs.github.com/rest/pulls/pulls#list-pull-requests-files
const (
	maxPullFiles   = 3000
	maxPullCommits = 250
)

// listPulls answers GET /repos/{owner}/{repo}/pulls filtered by state (open by default), head
// and base, newest first, paginated. As on GitHub, a head filter is OWNER:BRANCH; one without
// the owner is ignored.
func (s *Server) listPulls(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	state := q.Get("state")
	if state == "" {
		state = "open"
	}
	if !slices.Contains([]string{"open", "closed", "all"}, state) {
		return validationFailed("", enumError("PullRequest", "state", "open, closed, all"))
	}
	owner, head, byHead := strings.Cut(q.Get("head"), ":")
	var found []*issueRecord
	for _, rec := range s.st.Issues {
		switch {
		case rec.Pull == nil, state != "all" && rec.State != state:
		case q.Get("base") != "" && rec.Pull.Base != q.Get("base"):
		case byHead && (!strings.EqualFold(owner, s.opts.Owner) || rec.Pull.Head != head):
		default:
			found = append(found, rec)
		}
	}
	sortIssues(found, pullSort(q.Get("sort")), q.Get("direction") == "asc")
	page, err := paginate(w, r, found)
	if err != nil {
		return err
	}
	out := []*pullOut{}
	for _, rec := range page {
		out = append(out, s.pullSummaryJSON(rec))
	}
	return writeJSON(w, http.StatusOK, out)
}

// pullSort maps the pull request list's sort to the issue sort keys: updated, or created.
func pullSort(v string) string {
	if v == "updated" {
		return v
	}
	return "created"
}

// listPullFiles answers GET /repos/{owner}/{repo}/pulls/{number}/files: the files of base...head,
// at most 3000, paginated with per_page up to 100.
func (s *Server) listPullFiles(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.pull(r)
	if err != nil {
		return err
	}
	if rec.State == "open" {
		s.followBranches(rec.Pull)
	}
	files, err := s.git.diffFiles(rec.Pull.BaseSHA, rec.Pull.HeadSHA)
	if err != nil {
		return err
	}
	page, err := paginate(w, r, files[:min(len(files), maxPullFiles)])
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, page)
}

// listPullCommits answers GET /repos/{owner}/{repo}/pulls/{number}/commits: the commits of
// base..head, oldest first, at most 250, paginated.
func (s *Server) listPullCommits(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.pull(r)
	if err != nil {
		return err
	}
	if rec.State == "open" {
		s.followBranches(rec.Pull)
	}
	commits, err := s.git.commitsBetween(rec.Pull.BaseSHA, rec.Pull.HeadSHA)
	if err != nil {
		return err
	}
	page, err := paginate(w, r, commits[:min(len(commits), maxPullCommits)])
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.commitsJSON(page))
}
