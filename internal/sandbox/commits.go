package sandbox

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/google/go-github/v60/github"
)

// routesCommits registers the commits API and the git commits API.
func (s *Server) routesCommits() {
	s.route("GET /repos/{owner}/{repo}/commits", s.listCommits)
	s.route("GET /repos/{owner}/{repo}/commits/{ref...}", s.getCommit)
	s.route("GET /repos/{owner}/{repo}/git/commits/{sha}", s.getGitCommit)
}

// maxCommitFiles is the most files GitHub lists for one commit.
const maxCommitFiles = 3000

// getCommit answers GET /commits/{ref}: the commit with its files and stats against its first
// parent. An unknown ref is 422 "No commit found for SHA: REF", as on GitHub.
// https://docs.github.com/rest/commits/commits#get-a-commit
func (s *Server) getCommit(w http.ResponseWriter, r *http.Request) error {
	ref := r.PathValue("ref")
	ci, err := s.git.commit(ref)
	if err != nil {
		return unprocessable("No commit found for SHA: " + ref)
	}
	files, err := s.git.commitFiles(ci)
	if err != nil {
		return err
	}
	rc := s.commitJSON(ci)
	rc.Files = files[:min(len(files), maxCommitFiles)]
	rc.Stats = fileStats(files)
	return writeJSON(w, http.StatusOK, rc)
}

// fileStats totals the additions and deletions of files.
func fileStats(files []*github.CommitFile) *github.CommitStats {
	var add, del int
	for _, f := range files {
		add += f.GetAdditions()
		del += f.GetDeletions()
	}
	return &github.CommitStats{Additions: github.Int(add), Deletions: github.Int(del), Total: github.Int(add + del)}
}

// getGitCommit answers GET /git/commits/{sha}: the commit object; sha must be a full SHA.
// https://docs.github.com/rest/git/commits#get-a-commit-object
func (s *Server) getGitCommit(w http.ResponseWriter, r *http.Request) error {
	sha := r.PathValue("sha")
	if !fullSHA.MatchString(sha) {
		return notFound()
	}
	ci, err := s.git.commit(sha)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.gitCommitJSON(ci))
}

// listCommits answers GET /commits: the history of sha (default: the default branch), newest first, optionally
// only the commits that touch path, a page at a time.
// https://docs.github.com/rest/commits/commits#list-commits
func (s *Server) listCommits(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	start := q.Get("sha")
	if start == "" {
		start = s.git.defaultBranch()
	}
	sha, err := s.git.resolve(start)
	if err != nil {
		return &apiError{Status: http.StatusNotFound, Message: "No commit found for SHA: " + start}
	}
	filter := []string{sha}
	if p := q.Get("path"); p != "" {
		filter = append(filter, "--", p)
	}
	total, err := s.git.count(filter...)
	if err != nil {
		return err
	}
	lo, hi := pageRange(w, r, total)
	infos, err := s.git.log(append([]string{"--skip", strconv.Itoa(lo), "--max-count", strconv.Itoa(hi - lo)}, filter...)...)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.commitsJSON(infos))
}

// count is how many commits git rev-list lists for args.
func (g *gitRepo) count(args ...string) (int, error) {
	out, err := g.run(context.Background(), nil, append([]string{"rev-list", "--count"}, args...)...)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(string(out)))
}
