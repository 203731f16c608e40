package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/go-github/v60/github"
)

// pullRecord is what an issue record holds when it is a pull request. The head and base SHAs are
// kept so that a pull request still answers after its head branch is deleted.
type pullRecord struct {
	Head           string     `json:"head"`
	HeadSHA        string     `json:"head_sha"`
	Base           string     `json:"base"`
	BaseSHA        string     `json:"base_sha"`
	Draft          bool       `json:"draft,omitempty"`
	Merged         bool       `json:"merged,omitempty"`
	MergedAt       *time.Time `json:"merged_at,omitempty"`
	MergedBy       string     `json:"merged_by,omitempty"`
	MergeCommitSHA string     `json:"merge_commit_sha,omitempty"`
	// MergeKey is the "base..head" pair of SHAs the last read saw; Mergeable is computed for it
	// on the read after that, so that mergeable is null until it has been computed, as on GitHub.
	MergeKey  string `json:"merge_key,omitempty"`
	Mergeable *bool  `json:"mergeable,omitempty"`
	// MergeReads counts the reads since MergeKey changed (see Options.MergeableAfter).
	MergeReads int `json:"merge_reads,omitempty"`
	// TestMerge is the test merge commit of an open, mergeable pull request: base and head merged,
	// as GitHub keeps it at refs/pull/N/merge and shows it as merge_commit_sha.
	TestMerge string `json:"test_merge,omitempty"`
}

// routesPulls registers the pull request endpoints. See https://docs.github.com/rest/pulls/pulls
func (s *Server) routesPulls() {
	s.route("POST /repos/{owner}/{repo}/pulls", s.createPull)
	s.route("GET /repos/{owner}/{repo}/pulls", s.listPulls)
	s.route("GET /repos/{owner}/{repo}/pulls/{number}", s.getPull)
	s.route("PATCH /repos/{owner}/{repo}/pulls/{number}", s.updatePull)
	s.route("GET /repos/{owner}/{repo}/pulls/{number}/files", s.listPullFiles)
	s.route("GET /repos/{owner}/{repo}/pulls/{number}/commits", s.listPullCommits)
	s.route("PUT /repos/{owner}/{repo}/pulls/{number}/merge", s.mergePull)
	s.route("GET /repos/{owner}/{repo}/pulls/{number}/merge", s.checkMerged)
}

// createPull answers POST /repos/{owner}/{repo}/pulls with 201. The head branch must exist in
// git and be ahead of base, and no open pull request may have the same head and base.
func (s *Server) createPull(w http.ResponseWriter, r *http.Request) error {
	var req github.NewPullRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	head, base := s.headBranch(req.GetHead()), req.GetBase()
	if err := checkPullRequest(&req, head); err != nil {
		return err
	}
	p, err := s.newPull(head, base)
	if err != nil {
		return err
	}
	p.Draft = req.GetDraft()
	p.MergeKey, p.MergeReads = p.BaseSHA+".."+p.HeadSHA, 1 // creating starts the test merge, as a read does
	now := s.now()
	rec := &issueRecord{Number: s.nextNumber(), ID: s.nextID(), Title: req.GetTitle(), Body: req.GetBody(),
		State: "open", User: s.requester(r), CreatedAt: now, UpdatedAt: now, Pull: p}
	s.st.Issues[rec.Number] = rec
	pr, err := s.pullJSON(rec)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, pr)
}

// checkPullRequest validates the fields of a create request.
func checkPullRequest(req *github.NewPullRequest, head string) error {
	var errs []fieldError
	if strings.TrimSpace(req.GetTitle()) == "" {
		errs = append(errs, fieldError{Resource: "PullRequest", Field: "title", Code: "missing_field"})
	}
	if head == "" {
		errs = append(errs, fieldError{Resource: "PullRequest", Field: "head", Code: "missing_field"})
	}
	if req.GetBase() == "" {
		errs = append(errs, fieldError{Resource: "PullRequest", Field: "base", Code: "missing_field"})
	}
	if utf8.RuneCountInString(req.GetBody()) > maxBody {
		errs = append(errs, tooLong("PullRequest"))
	}
	if len(errs) > 0 {
		return validationFailed("", errs...)
	}
	return nil
}

// newPull checks head and base in git and against the open pull requests, and returns the
// record of a new pull request between them.
func (s *Server) newPull(head, base string) (*pullRecord, error) {
	headSHA, err := s.git.resolve("refs/heads/" + head)
	if err != nil {
		return nil, validationFailed("", fieldError{Resource: "PullRequest", Field: "head", Code: "invalid"})
	}
	baseSHA, err := s.git.resolve("refs/heads/" + base)
	if err != nil {
		return nil, validationFailed("", fieldError{Resource: "PullRequest", Field: "base", Code: "invalid"})
	}
	if s.openPull(head, base) != nil {
		return nil, validationFailed("", customError("A pull request already exists for "+s.opts.Owner+":"+head+"."))
	}
	ahead, err := s.git.isAncestor(headSHA, baseSHA)
	if err != nil {
		return nil, err
	}
	if ahead {
		return nil, validationFailed("", customError("No commits between "+base+" and "+head))
	}
	return &pullRecord{Head: head, HeadSHA: headSHA, Base: base, BaseSHA: baseSHA}, nil
}

// customError is a PullRequest field error with GitHub's "custom" code and a message.
func customError(msg string) fieldError {
	return fieldError{Resource: "PullRequest", Code: "custom", Message: msg}
}

// headBranch strips the "owner:" that a head may carry; another owner's branch cannot exist here,
// so it becomes "" and fails validation.
func (s *Server) headBranch(head string) string {
	owner, branch, ok := strings.Cut(head, ":")
	if !ok {
		return head
	}
	if !strings.EqualFold(owner, s.opts.Owner) {
		return ""
	}
	return branch
}

// openPull is the open pull request from head into base, or nil.
func (s *Server) openPull(head, base string) *issueRecord {
	for _, rec := range s.st.Issues {
		if rec.Pull != nil && rec.State == "open" && rec.Pull.Head == head && rec.Pull.Base == base {
			return rec
		}
	}
	return nil
}

// getPull answers GET /repos/{owner}/{repo}/pulls/{number}. Creating the pull request starts the
// computation of its mergeability, and so does the first read after its base or head moves,
// which answers mergeable null and mergeable_state "unknown"; the next read computes it with git
// merge-tree. GitHub: "When you get, create, or edit a pull request, GitHub creates a merge
// commit to test whether the pull request can be automatically merged"
// (https://docs.github.com/rest/pulls/pulls#get-a-pull-request).
func (s *Server) getPull(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.pull(r)
	if err != nil {
		return err
	}
	if err := s.refreshMergeable(rec); err != nil {
		return err
	}
	pr, err := s.pullJSON(rec)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, pr)
}

// refreshMergeable follows the branches of an open pull request and computes its mergeability
// on the Options.MergeableAfter-th read (the second by default) that sees the same pair of SHAs;
// the create counts as the first.
func (s *Server) refreshMergeable(rec *issueRecord) error {
	p := rec.Pull
	if rec.State != "open" {
		return nil
	}
	s.followBranches(p)
	key := p.BaseSHA + ".." + p.HeadSHA
	if p.MergeKey != key {
		p.MergeKey, p.Mergeable, p.TestMerge, p.MergeReads = key, nil, "", 1
		return nil
	}
	if p.Mergeable != nil {
		return nil
	}
	if p.MergeReads++; p.MergeReads < max(s.opts.MergeableAfter, 2) {
		return nil
	}
	tree, conflicted, err := s.git.mergeTree(p.BaseSHA, p.HeadSHA)
	if err != nil {
		return err
	}
	p.Mergeable = github.Bool(!conflicted)
	if !conflicted {
		return s.testMerge(rec, tree)
	}
	return nil
}

// testMerge makes the test merge commit of an open pull request from the merged tree, with base
// and head as parents, and keeps it at refs/pull/N/merge as GitHub does.
// https://docs.github.com/rest/guides/using-the-rest-api-to-interact-with-your-git-database#checking-mergeability-of-pull-requests
func (s *Server) testMerge(rec *issueRecord, tree string) error {
	p := rec.Pull
	msg := fmt.Sprintf("Merge %s into %s\n", p.HeadSHA, p.BaseSHA)
	sha, err := s.git.commitTree(tree, msg, []string{p.BaseSHA, p.HeadSHA}, s.now())
	if err != nil {
		return err
	}
	p.TestMerge = sha
	return s.git.updateRef(fmt.Sprintf("refs/pull/%d/merge", rec.Number), sha)
}

// followBranches moves an open pull request's SHAs to its branches' tips; a deleted branch
// keeps the last SHA seen.
func (s *Server) followBranches(p *pullRecord) {
	if sha, err := s.git.resolve("refs/heads/" + p.Head); err == nil {
		p.HeadSHA = sha
	}
	if sha, err := s.git.resolve("refs/heads/" + p.Base); err == nil {
		p.BaseSHA = sha
	}
}

// pull finds the pull request that the path's {number} names; an issue's number is a 404, as on
// GitHub.
func (s *Server) pull(r *http.Request) (*issueRecord, error) {
	rec, err := s.issue(r)
	if err != nil {
		return nil, err
	}
	if rec.Pull == nil {
		return nil, notFound()
	}
	return rec, nil
}

// pullUpdate is the body of PATCH /repos/{owner}/{repo}/pulls/{number}.
type pullUpdate struct {
	Title *string `json:"title"`
	Body  *string `json:"body"`
	State *string `json:"state"`
	Base  *string `json:"base"`
}

// updatePull answers PATCH /repos/{owner}/{repo}/pulls/{number}: title, body, state and base. The
// base of a closed pull request cannot change, and a merged one cannot reopen.
func (s *Server) updatePull(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.pull(r)
	if err != nil {
		return err
	}
	var req pullUpdate
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	ir := &github.IssueRequest{Title: req.Title, Body: req.Body, State: req.State}
	if err := checkIssueRequest(ir, false, "PullRequest"); err != nil {
		return err
	}
	if err := s.setPullBase(rec, req); err != nil {
		return err
	}
	if err := s.setIssueState(r, rec, ir.GetState(), ""); err != nil {
		return err
	}
	if req.Title != nil {
		rec.Title = *req.Title
	}
	if req.Body != nil {
		rec.Body = *req.Body
	}
	rec.UpdatedAt = s.now()
	pr, err := s.pullJSON(rec)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, pr)
}

// setPullBase moves an open pull request to another base branch that exists in git.
func (s *Server) setPullBase(rec *issueRecord, req pullUpdate) error {
	if req.Base == nil || *req.Base == rec.Pull.Base {
		return nil
	}
	if rec.State != "open" || (req.State != nil && *req.State == "closed") {
		return validationFailed("", fieldError{Resource: "PullRequest", Field: "base", Code: "custom",
			Message: "Cannot change base branch of closed pull request."})
	}
	sha, err := s.git.resolve("refs/heads/" + *req.Base)
	if err != nil {
		return validationFailed("", fieldError{Resource: "PullRequest", Field: "base", Code: "invalid"})
	}
	rec.Pull.Base, rec.Pull.BaseSHA = *req.Base, sha
	return nil
}

// checkMerged answers GET /repos/{owner}/{repo}/pulls/{number}/merge: 204 when merged, else 404.
func (s *Server) checkMerged(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.pull(r)
	if err != nil {
		return err
	}
	if !rec.Pull.Merged {
		return notFound()
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
