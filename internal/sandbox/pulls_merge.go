package sandbox

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// pullMergeRequest is the body of PUT /repos/{owner}/{repo}/pulls/{number}/merge.
type pullMergeRequest struct {
	CommitTitle   string  `json:"commit_title"`
	CommitMessage *string `json:"commit_message"`
	SHA           string  `json:"sha"`
	MergeMethod   string  `json:"merge_method"`
}

// notMergeable is GitHub's 405 for a pull request that is closed, merged or in conflict.
func notMergeable() error {
	return &apiError{Status: http.StatusMethodNotAllowed, Message: "Pull Request is not mergeable",
		DocURL: "https://docs.github.com/rest/pulls/pulls#merge-a-pull-request"}
}

// mergePull answers PUT /repos/{owner}/{repo}/pulls/{number}/merge. It makes real commits on the
// base branch: a two-parent merge commit, a one-parent squash commit, or the pull request's
// commits replayed one by one (rebase). A conflict, a closed or merged pull request is a 405; a
// sha that is not the head's is a 409.
// See https://docs.github.com/rest/pulls/pulls#merge-a-pull-request
func (s *Server) mergePull(w http.ResponseWriter, r *http.Request) error {
	rec, err := s.pull(r)
	if err != nil {
		return err
	}
	var req pullMergeRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if err := s.checkMerge(rec, &req); err != nil {
		return err
	}
	sha, err := s.mergeCommits(rec, &req)
	if err != nil {
		return err
	}
	if err := s.moveBase(rec.Pull, sha); err != nil {
		return err
	}
	s.markMerged(r, rec, sha)
	return writeJSON(w, http.StatusOK, &github.PullRequestMergeResult{
		SHA: github.String(sha), Merged: github.Bool(true), Message: github.String("Pull Request successfully merged"),
	})
}

// checkMerge validates a merge: the method, the pull request's state and the expected head SHA.
func (s *Server) checkMerge(rec *issueRecord, req *pullMergeRequest) error {
	switch req.MergeMethod {
	case "":
		req.MergeMethod = "merge"
	case "merge", "squash", "rebase":
	default:
		return validationFailed("", fieldError{Resource: "PullRequest", Field: "merge_method", Code: "invalid",
			Message: "merge_method must be one of: merge, squash, rebase"})
	}
	if rec.State != "open" || rec.Pull.Merged {
		return notMergeable()
	}
	s.followBranches(rec.Pull)
	if req.SHA != "" && req.SHA != rec.Pull.HeadSHA {
		return conflict("Head branch was modified. Review and try the merge again.")
	}
	return nil
}

// mergeCommits makes the commits of the chosen method on top of the base and returns the new tip.
func (s *Server) mergeCommits(rec *issueRecord, req *pullMergeRequest) (string, error) {
	p, now := rec.Pull, s.now()
	if req.MergeMethod == "rebase" {
		return s.replay(p.BaseSHA, p.HeadSHA, now)
	}
	tree, conflicted, err := s.git.mergeTree(p.BaseSHA, p.HeadSHA)
	if err != nil {
		return "", err
	}
	if conflicted {
		return "", notMergeable()
	}
	parents := []string{p.BaseSHA, p.HeadSHA}
	title := fmt.Sprintf("Merge pull request #%d from %s/%s", rec.Number, s.opts.Owner, p.Head)
	body := rec.Title
	if req.MergeMethod == "squash" {
		parents = parents[:1]
		title = fmt.Sprintf("%s (#%d)", rec.Title, rec.Number)
		if body, err = s.squashBody(p); err != nil {
			return "", err
		}
	}
	return s.git.commitTree(tree, commitMessage(title, body, req), parents, now)
}

// commitMessage is the merge commit's message: commit_title (or the default title), a blank line
// and commit_message (or the default body).
func commitMessage(title, body string, req *pullMergeRequest) string {
	if req.CommitTitle != "" {
		title = req.CommitTitle
	}
	if req.CommitMessage != nil {
		body = *req.CommitMessage
	}
	if body == "" {
		return title + "\n"
	}
	return title + "\n\n" + body + "\n"
}

// squashBody is GitHub's default squash message body: a bullet per commit subject.
func (s *Server) squashBody(p *pullRecord) (string, error) {
	infos, err := s.git.log("--reverse", "--end-of-options", p.BaseSHA+".."+p.HeadSHA)
	if err != nil {
		return "", err
	}
	var lines []string
	for _, ci := range infos {
		subject, _, _ := strings.Cut(strings.TrimSpace(ci.Message), "\n")
		lines = append(lines, "* "+subject)
	}
	return strings.Join(lines, "\n"), nil
}

// replay rebases the commits of base..head onto base, one commit each, keeping each commit's
// author and message, and returns the last. git 2.39's merge-tree has no --merge-base, so each
// commit C is merged with a scratch commit whose tree is the new base and whose parent is C's
// parent: their merge base is C's parent, which makes the merge a cherry-pick of C.
func (s *Server) replay(base, head string, when time.Time) (string, error) {
	infos, err := s.git.log("--reverse", "--topo-order", "--no-merges", "--end-of-options", base+".."+head)
	if err != nil {
		return "", err
	}
	tip := base
	for _, ci := range infos {
		if tip, err = s.cherryPick(tip, ci, when); err != nil {
			return "", err
		}
	}
	return tip, nil
}

// cherryPick applies commit ci on top of onto and returns the new commit; a conflict is a 405.
// A commit whose change is already on onto is dropped, as a rebase drops it.
func (s *Server) cherryPick(onto string, ci commitInfo, when time.Time) (string, error) {
	if len(ci.Parents) == 0 {
		return "", notMergeable()
	}
	ontoTree, err := s.git.peel(onto, "tree")
	if err != nil {
		return "", err
	}
	scratch, err := s.git.commitTree(ontoTree, "rebase scratch\n", ci.Parents[:1], when)
	if err != nil {
		return "", err
	}
	tree, conflicted, err := s.git.mergeTree(scratch, ci.SHA)
	switch {
	case err != nil:
		return "", err
	case conflicted:
		return "", notMergeable()
	case tree == ontoTree:
		return onto, nil
	}
	return s.replayCommit(ci, tree, onto, when)
}

// replayCommit commits tree on parent with ci's author, date and message; GitHub commits it at when.
func (s *Server) replayCommit(ci commitInfo, tree, parent string, when time.Time) (string, error) {
	env := []string{
		"GIT_AUTHOR_NAME=" + ci.AuthorName, "GIT_AUTHOR_EMAIL=" + ci.AuthorEmail,
		"GIT_AUTHOR_DATE=" + ci.AuthorDate.Format(time.RFC3339),
		"GIT_COMMITTER_NAME=GitHub", "GIT_COMMITTER_EMAIL=noreply@github.com",
		"GIT_COMMITTER_DATE=" + fmt.Sprintf("@%d +0000", when.Unix()),
	}
	out, err := s.git.runEnv(context.Background(), []byte(ci.Message), env, "commit-tree", tree, "-p", parent, "-F", "-")
	if err != nil {
		return "", fmt.Errorf("replay commit %s: %w", ci.SHA, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// moveBase points the base branch at sha, unless the branch moved since the merge was computed:
// then GitHub answers 409.
func (s *Server) moveBase(p *pullRecord, sha string) error {
	_, err := s.git.run(context.Background(), nil, "update-ref", "--end-of-options", "refs/heads/"+p.Base, sha, p.BaseSHA)
	if err != nil {
		return conflict("Base branch was modified. Review and try the merge again.")
	}
	return nil
}

// markMerged records the merge: merged, closed, merge_commit_sha and who merged when.
func (s *Server) markMerged(r *http.Request, rec *issueRecord, sha string) {
	now := s.now()
	rec.State, rec.ClosedAt, rec.ClosedBy, rec.UpdatedAt = "closed", &now, s.requester(r), now
	p := rec.Pull
	p.Merged, p.MergedAt, p.MergedBy, p.MergeCommitSHA = true, &now, s.requester(r), sha
	p.Mergeable, p.MergeKey, p.TestMerge = nil, "", ""
}
