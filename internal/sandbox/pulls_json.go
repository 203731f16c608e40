package sandbox

import (
	"github.com/google/go-github/v60/github"
)

// pullOut is GitHub's pull request object as lists carry it: github.PullRequest with the fields
// GitHub sends as null or [] rather than leaving them out.
type pullOut struct {
	*github.PullRequest
	Labels             []*labelOut                  `json:"labels"`
	Assignees          []*github.User               `json:"assignees"`
	RequestedReviewers []*github.User               `json:"requested_reviewers"`
	RequestedTeams     []*github.Team               `json:"requested_teams"`
	Assignee           *github.User                 `json:"assignee"`
	ClosedAt           *github.Timestamp            `json:"closed_at"`
	MergedAt           *github.Timestamp            `json:"merged_at"`
	MergeCommitSHA     *string                      `json:"merge_commit_sha"`
	Milestone          *github.Milestone            `json:"milestone"`
	AutoMerge          *github.PullRequestAutoMerge `json:"auto_merge"`
	ActiveLockReason   *string                      `json:"active_lock_reason"`
	Head               *branchOut                   `json:"head"`
	Base               *branchOut                   `json:"base"`
}

// branchOut is one side of a pull request: the branch, its head commit, and the repository.
type branchOut struct {
	Label string       `json:"label"`
	Ref   string       `json:"ref"`
	SHA   string       `json:"sha"`
	User  *github.User `json:"user"`
	Repo  *repoOut     `json:"repo"`
}

// pullFull is the single pull request object: pullOut with the counts and the mergeability,
// null until computed.
type pullFull struct {
	*pullOut
	Mergeable  *bool        `json:"mergeable"`
	Rebaseable *bool        `json:"rebaseable"`
	MergedBy   *github.User `json:"merged_by"`
}

// pullJSON renders rec as GitHub's full pull request object, with the counts of commits, lines
// and files that git gives for base...head.
func (s *Server) pullJSON(rec *issueRecord) (*pullFull, error) {
	out := &pullFull{pullOut: s.pullSummaryJSON(rec)}
	pr, p := out.PullRequest, rec.Pull
	commits, err := s.git.commitsBetween(p.BaseSHA, p.HeadSHA)
	if err != nil {
		return nil, err
	}
	files, err := s.git.diffFiles(p.BaseSHA, p.HeadSHA)
	if err != nil {
		return nil, err
	}
	additions, deletions := 0, 0
	for _, f := range files {
		additions += f.GetAdditions()
		deletions += f.GetDeletions()
	}
	pr.Commits, pr.ChangedFiles = github.Int(len(commits)), github.Int(len(files))
	pr.Additions, pr.Deletions = github.Int(additions), github.Int(deletions)
	pr.Comments, pr.ReviewComments = github.Int(rec.Comments), github.Int(0)
	pr.Merged, pr.MaintainerCanModify = github.Bool(p.Merged), github.Bool(false)
	pr.MergeableState = github.String(mergeableState(rec))
	if rec.State == "open" && p.Mergeable != nil {
		out.Mergeable = github.Bool(*p.Mergeable)
		out.Rebaseable = out.Mergeable
	}
	if p.Merged {
		out.MergedBy = s.user(p.MergedBy)
	}
	return out, nil
}

// mergeableState is GitHub's mergeable_state: "clean" or "dirty" once computed, "unknown" before
// and after the pull request closes.
func mergeableState(rec *issueRecord) string {
	switch {
	case rec.State != "open" || rec.Pull.Mergeable == nil:
		return "unknown"
	case *rec.Pull.Mergeable:
		return "clean"
	}
	return "dirty"
}

// pullSummaryJSON renders rec as the pull request object that lists carry: no counts and no
// mergeability.
func (s *Server) pullSummaryJSON(rec *issueRecord) *pullOut {
	p := rec.Pull
	url := s.apiURL("pulls/%d", rec.Number)
	issueURL := s.apiURL("issues/%d", rec.Number)
	pr := &github.PullRequest{
		ID: github.Int64(rec.ID), NodeID: github.String(nodeIDFor("PR", rec.ID)),
		Number: github.Int(rec.Number), State: github.String(rec.State), Locked: github.Bool(false),
		Title: github.String(rec.Title), Body: github.String(rec.Body), User: s.user(rec.User),
		Draft: github.Bool(p.Draft), CreatedAt: stamp(rec.CreatedAt), UpdatedAt: stamp(rec.UpdatedAt),
		URL: github.String(url), HTMLURL: github.String(s.htmlURL("pull/%d", rec.Number)),
		IssueURL: github.String(issueURL), CommitsURL: github.String(url + "/commits"),
		CommentsURL: github.String(issueURL + "/comments"), ReviewCommentsURL: github.String(url + "/comments"),
		ReviewCommentURL:  github.String(s.apiURL("pulls/comments{/number}")),
		StatusesURL:       github.String(s.apiURL("statuses/%s", p.HeadSHA)),
		DiffURL:           github.String(s.htmlURL("pull/%d.diff", rec.Number)),
		PatchURL:          github.String(s.htmlURL("pull/%d.patch", rec.Number)),
		AuthorAssociation: github.String(s.association(rec.User)),
	}
	pr.Links = pullLinksJSON(pr)
	out := &pullOut{PullRequest: pr, Labels: s.labelsJSON(rec.Labels), Assignees: s.usersJSON(rec.Assignees),
		RequestedReviewers: []*github.User{}, RequestedTeams: []*github.Team{}}
	repo := s.repository()
	out.Head, out.Base = s.branchJSON(p.Head, p.HeadSHA, repo), s.branchJSON(p.Base, p.BaseSHA, repo)
	if len(rec.Assignees) > 0 {
		out.Assignee = s.user(rec.Assignees[0])
	}
	if rec.ClosedAt != nil {
		out.ClosedAt = stamp(*rec.ClosedAt)
	}
	switch {
	case p.Merged:
		out.MergedAt, out.MergeCommitSHA = stamp(*p.MergedAt), github.String(p.MergeCommitSHA)
	case rec.State == "open" && p.TestMerge != "":
		out.MergeCommitSHA = github.String(p.TestMerge)
	}
	return out
}

// pullLinksJSON is the _links object of pr, from its URLs.
func pullLinksJSON(pr *github.PullRequest) *github.PRLinks {
	link := func(href *string) *github.PRLink { return &github.PRLink{HRef: href} }
	return &github.PRLinks{
		Self: link(pr.URL), HTML: link(pr.HTMLURL), Issue: link(pr.IssueURL), Comments: link(pr.CommentsURL),
		ReviewComments: link(pr.ReviewCommentsURL), ReviewComment: link(pr.ReviewCommentURL),
		Commits: link(pr.CommitsURL), Statuses: link(pr.StatusesURL),
	}
}

// branchJSON renders one side of a pull request: label OWNER:BRANCH, ref, sha, user and repo.
func (s *Server) branchJSON(branch, sha string, repo *repoOut) *branchOut {
	owner := s.user(s.opts.Owner)
	owner.Type = github.String("Organization")
	return &branchOut{Label: s.opts.Owner + ":" + branch, Ref: branch, SHA: sha, User: owner, Repo: repo}
}

// pullLinks is the pull_request object of an issue that is a pull request.
func (s *Server) pullLinks(rec *issueRecord) *github.PullRequestLinks {
	links := &github.PullRequestLinks{
		URL:      github.String(s.apiURL("pulls/%d", rec.Number)),
		HTMLURL:  github.String(s.htmlURL("pull/%d", rec.Number)),
		DiffURL:  github.String(s.htmlURL("pull/%d.diff", rec.Number)),
		PatchURL: github.String(s.htmlURL("pull/%d.patch", rec.Number)),
	}
	if rec.Pull.Merged {
		links.MergedAt = stamp(*rec.Pull.MergedAt)
	}
	return links
}
