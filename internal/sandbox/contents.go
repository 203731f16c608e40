package sandbox

import (
	"encoding/base64"
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

// routesContents registers the file half of the contents API: the toolkit reads its policy and
// templates from the base branch with it.
// https://docs.github.com/rest/repos/contents#get-repository-content
func (s *Server) routesContents() {
	s.route("GET /repos/{owner}/{repo}/contents/{path...}", s.getContents)
}

// getContents answers GET /contents/{path}?ref=: a file's content, base64-encoded, from the ref
// (the default branch when no ref is given). A missing file or ref is 404 "Not Found"; a
// directory is not served.
func (s *Server) getContents(w http.ResponseWriter, r *http.Request) error {
	path := strings.Trim(r.PathValue("path"), "/")
	ref := r.URL.Query().Get("ref")
	if ref == "" {
		ref = s.git.defaultBranch()
	}
	commit, err := s.git.resolve(ref)
	if err != nil || path == "" || strings.HasPrefix(ref, "-") {
		return notFound()
	}
	spec := commit + ":" + path
	kind, err := s.git.run(r.Context(), nil, "cat-file", "-t", spec) // spec starts with a commit SHA
	if err != nil || strings.TrimSpace(string(kind)) != "blob" {
		return notFound()
	}
	sha, err := s.git.run(r.Context(), nil, "rev-parse", "--verify", "--quiet", "--end-of-options", spec)
	if err != nil {
		return err
	}
	data, err := s.git.run(r.Context(), nil, "cat-file", "blob", strings.TrimSpace(string(sha)))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.fileJSON(path, ref, strings.TrimSpace(string(sha)), data))
}

// contentOut is GitHub's content-file object: github.RepositoryContent with its _links.
type contentOut struct {
	*github.RepositoryContent
	Links contentLinks `json:"_links"`
}

// contentLinks are a content object's own, git and web URLs.
type contentLinks struct {
	Self string `json:"self"`
	Git  string `json:"git"`
	HTML string `json:"html"`
}

// fileJSON renders the blob sha with data, at path in ref, as a content-file object. Its
// download_url is the web's raw URL for the file.
func (s *Server) fileJSON(path, ref, sha string, data []byte) *contentOut {
	f := &github.RepositoryContent{
		Type: github.String("file"), Encoding: github.String("base64"), Size: github.Int(len(data)),
		Name: github.String(path[strings.LastIndex(path, "/")+1:]), Path: github.String(path), SHA: github.String(sha),
		Content:     github.String(base64.StdEncoding.EncodeToString(data)),
		URL:         github.String(s.apiURL("contents/%s?ref=%s", path, ref)),
		GitURL:      github.String(s.apiURL("git/blobs/%s", sha)),
		HTMLURL:     github.String(s.htmlURL("blob/%s/%s", ref, path)),
		DownloadURL: github.String(s.htmlURL("raw/%s/%s", ref, path)),
	}
	return &contentOut{RepositoryContent: f, Links: contentLinks{Self: f.GetURL(), Git: f.GetGitURL(), HTML: f.GetHTMLURL()}}
}
