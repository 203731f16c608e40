package sandbox

import (
	"time"

	"github.com/google/go-github/v60/github"
)

// verificationOut is GitHub's verification object. The sandbox signs nothing and checks no
// signatures, so every object it shows is "unsigned", with the nulls GitHub sends then.
// https://docs.github.com/rest/commits/commits#signature-verification-object
type verificationOut struct {
	Verified   bool    `json:"verified"`
	Reason     string  `json:"reason"`
	Signature  *string `json:"signature"`
	Payload    *string `json:"payload"`
	VerifiedAt *string `json:"verified_at"`
}

// unsigned is the verification of an object without a signature.
func unsigned() *verificationOut {
	return &verificationOut{Verified: false, Reason: "unsigned"}
}

// treeOut is the tree a commit points at.
type treeOut struct {
	SHA string `json:"sha"`
	URL string `json:"url"`
}

// parentOut is one parent of a commit.
type parentOut struct {
	SHA     string `json:"sha"`
	URL     string `json:"url"`
	HTMLURL string `json:"html_url"`
}

// gitCommitOut is the git commit object of GET /git/commits/{sha}.
// https://docs.github.com/rest/git/commits#get-a-commit-object
type gitCommitOut struct {
	SHA          string               `json:"sha"`
	NodeID       string               `json:"node_id"`
	URL          string               `json:"url"`
	HTMLURL      string               `json:"html_url"`
	Author       *github.CommitAuthor `json:"author"`
	Committer    *github.CommitAuthor `json:"committer"`
	Tree         treeOut              `json:"tree"`
	Message      string               `json:"message"`
	Parents      []parentOut          `json:"parents"`
	Verification *verificationOut     `json:"verification"`
}

// commitDataOut is the git half of a commit as the commits API nests it under "commit".
type commitDataOut struct {
	URL          string               `json:"url"`
	Author       *github.CommitAuthor `json:"author"`
	Committer    *github.CommitAuthor `json:"committer"`
	Message      string               `json:"message"`
	Tree         treeOut              `json:"tree"`
	CommentCount int                  `json:"comment_count"`
	Verification *verificationOut     `json:"verification"`
}

// commitOut is a commit as the commits, branches, compare, merges and pull request APIs show
// it. Author and committer are the GitHub users the git identities belong to, or null.
// https://docs.github.com/rest/commits/commits#get-a-commit
type commitOut struct {
	SHA         string               `json:"sha"`
	NodeID      string               `json:"node_id"`
	Commit      commitDataOut        `json:"commit"`
	URL         string               `json:"url"`
	HTMLURL     string               `json:"html_url"`
	CommentsURL string               `json:"comments_url"`
	Author      *github.User         `json:"author"`
	Committer   *github.User         `json:"committer"`
	Parents     []parentOut          `json:"parents"`
	Stats       *github.CommitStats  `json:"stats,omitempty"`
	Files       []*github.CommitFile `json:"files,omitempty"`
}

// identity is a git identity with its date, as GitHub shows it.
func identity(name, email string, date time.Time) *github.CommitAuthor {
	return &github.CommitAuthor{Name: github.String(name), Email: github.String(email), Date: &github.Timestamp{Time: date}}
}

// gitCommitJSON renders ci as a git commit object.
func (s *Server) gitCommitJSON(ci commitInfo) *gitCommitOut {
	parents := make([]parentOut, 0, len(ci.Parents))
	for _, p := range ci.Parents {
		parents = append(parents, parentOut{SHA: p, URL: s.apiURL("git/commits/%s", p), HTMLURL: s.htmlURL("commit/%s", p)})
	}
	return &gitCommitOut{
		SHA: ci.SHA, NodeID: commitNodeID(ci.SHA), URL: s.apiURL("git/commits/%s", ci.SHA), HTMLURL: s.htmlURL("commit/%s", ci.SHA),
		Author:    identity(ci.AuthorName, ci.AuthorEmail, ci.AuthorDate),
		Committer: identity(ci.CommitterName, ci.CommitterEmail, ci.CommitterDate),
		Tree:      treeOut{SHA: ci.Tree, URL: s.apiURL("git/trees/%s", ci.Tree)},
		Message:   ci.Message, Parents: parents, Verification: unsigned(),
	}
}

// commitJSON renders ci as the commits API's commit object, without files or stats.
func (s *Server) commitJSON(ci commitInfo) *commitOut {
	parents := make([]parentOut, 0, len(ci.Parents))
	for _, p := range ci.Parents {
		parents = append(parents, parentOut{SHA: p, URL: s.apiURL("commits/%s", p), HTMLURL: s.htmlURL("commit/%s", p)})
	}
	return &commitOut{
		SHA: ci.SHA, NodeID: commitNodeID(ci.SHA),
		Commit: commitDataOut{
			URL:       s.apiURL("git/commits/%s", ci.SHA),
			Author:    identity(ci.AuthorName, ci.AuthorEmail, ci.AuthorDate),
			Committer: identity(ci.CommitterName, ci.CommitterEmail, ci.CommitterDate),
			Message:   ci.Message, Tree: treeOut{SHA: ci.Tree, URL: s.apiURL("git/trees/%s", ci.Tree)},
			Verification: unsigned(),
		},
		URL: s.apiURL("commits/%s", ci.SHA), HTMLURL: s.htmlURL("commit/%s", ci.SHA),
		CommentsURL: s.apiURL("commits/%s/comments", ci.SHA),
		Author:      s.accountFor(ci.AuthorEmail), Committer: s.accountFor(ci.CommitterEmail),
		Parents: parents,
	}
}

// commitsJSON renders each commit of infos.
func (s *Server) commitsJSON(infos []commitInfo) []*commitOut {
	out := make([]*commitOut, 0, len(infos))
	for _, ci := range infos {
		out = append(out, s.commitJSON(ci))
	}
	return out
}

// commitNodeID is the node id of the commit sha.
func commitNodeID(sha string) string {
	return "C_" + sha
}
