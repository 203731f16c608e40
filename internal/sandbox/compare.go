package sandbox

import (
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Compare limits, as on GitHub.
// https://docs.github.com/rest/commits/commits#compare-two-commits
const (
	maxCompareFiles   = 300
	maxCompareCommits = 250
)

// routesCompare registers the compare API.
func (s *Server) routesCompare() {
	s.route("GET /repos/{owner}/{repo}/compare/{basehead...}", s.compare)
}

// compare answers GET /compare/{base}...{head}: status, ahead and behind counts, the commits on
// head (at most 250) and the files changed since the merge base (at most 300).
func (s *Server) compare(w http.ResponseWriter, r *http.Request) error {
	baseRef, headRef, ok := strings.Cut(r.PathValue("basehead"), "...")
	if !ok {
		return notFound()
	}
	base, err := s.git.resolve(s.localRef(baseRef))
	if err != nil {
		return err
	}
	head, err := s.git.resolve(s.localRef(headRef))
	if err != nil {
		return err
	}
	cmp, err := s.comparison(base, head)
	if err != nil {
		return err
	}
	if err := s.compareCommits(w, r, cmp, base, head); err != nil {
		return err
	}
	cmp.URL = github.String(s.apiURL("compare/%s...%s", baseRef, headRef))
	cmp.HTMLURL = github.String(s.htmlURL("compare/%s...%s", baseRef, headRef))
	cmp.PermalinkURL = github.String(s.htmlURL("compare/%s...%s", base, head))
	cmp.DiffURL = github.String(s.htmlURL("compare/%s...%s.diff", baseRef, headRef))
	cmp.PatchURL = github.String(s.htmlURL("compare/%s...%s.patch", baseRef, headRef))
	return writeJSON(w, http.StatusOK, cmp)
}

// localRef drops an "OWNER:" prefix that names this repository's owner.
func (s *Server) localRef(ref string) string {
	if owner, rest, ok := strings.Cut(ref, ":"); ok && strings.EqualFold(owner, s.opts.Owner) {
		return rest
	}
	return ref
}

// compareOut is GitHub's commit comparison: github.CommitsComparison with the commits shaped
// as the commits API shows them.
type compareOut struct {
	*github.CommitsComparison
	BaseCommit      *commitOut   `json:"base_commit"`
	MergeBaseCommit *commitOut   `json:"merge_base_commit"`
	Commits         []*commitOut `json:"commits"`
}

// comparison compares commits base and head from git.
func (s *Server) comparison(base, head string) (*compareOut, error) {
	mb, err := s.git.mergeBase(base, head)
	if err != nil {
		return nil, err
	}
	if mb == "" {
		return nil, &apiError{Status: http.StatusNotFound, Message: "No common ancestor between " + base + " and " + head + "."}
	}
	ahead, err := s.git.count(mb + ".." + head)
	if err != nil {
		return nil, err
	}
	behind, err := s.git.count(mb + ".." + base)
	if err != nil {
		return nil, err
	}
	cmp := &compareOut{CommitsComparison: &github.CommitsComparison{
		Status: github.String(compareStatus(ahead, behind)), AheadBy: github.Int(ahead), BehindBy: github.Int(behind),
		TotalCommits: github.Int(ahead),
	}}
	return cmp, s.fillComparison(cmp, base, head, mb)
}

// fillComparison adds the base and merge-base commits, the commits and the files.
func (s *Server) fillComparison(cmp *compareOut, base, head, mb string) error {
	baseCommit, err := s.git.commit(base)
	if err != nil {
		return err
	}
	mbCommit, err := s.git.commit(mb)
	if err != nil {
		return err
	}
	cmp.BaseCommit, cmp.MergeBaseCommit = s.commitJSON(baseCommit), s.commitJSON(mbCommit)
	return nil
}

// compareCommits adds the commits and the files as GitHub pages them. With page or per_page in
// the query, the commits are paged oldest first with a Link header, and the files (at most 300)
// come on the first page only. Without them, the newest 250 commits are listed, oldest first, so
// the last one is the head, with the files.
// https://docs.github.com/rest/commits/commits#compare-two-commits
func (s *Server) compareCommits(w http.ResponseWriter, r *http.Request, cmp *compareOut, base, head string) error {
	commits, err := s.git.commitsBetween(cmp.MergeBaseCommit.SHA, head)
	if err != nil {
		return err
	}
	paged := r.URL.Query().Has("page") || r.URL.Query().Has("per_page")
	lo, hi := max(len(commits)-maxCompareCommits, 0), len(commits)
	if paged {
		lo, hi = pageRange(w, r, len(commits))
	}
	cmp.Commits = s.commitsJSON(commits[lo:hi])
	if paged && queryInt(r, "page", 1) > 1 {
		return nil
	}
	files, err := s.git.diffFiles(base, head)
	cmp.Files = files[:min(len(files), maxCompareFiles)]
	return err
}

// compareStatus names how head relates to base.
func compareStatus(ahead, behind int) string {
	switch {
	case ahead == 0 && behind == 0:
		return "identical"
	case behind == 0:
		return "ahead"
	case ahead == 0:
		return "behind"
	default:
		return "diverged"
	}
}
