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
// (the default branch when no ref is given); a directory (the root too) as an array of its
// entries; with Accept application/vnd.github.raw, a file's bytes as they are. A missing path or
// ref is 404 "Not Found".
func (s *Server) getContents(w http.ResponseWriter, r *http.Request) error {
	path := strings.Trim(r.PathValue("path"), "/")
	ref := r.URL.Query().Get("ref")
	if ref == "" {
		ref = s.git.defaultBranch()
	}
	commit, err := s.git.resolve(ref)
	if err != nil || strings.HasPrefix(ref, "-") {
		return notFound()
	}
	spec := commit + ":" + path // spec starts with a commit SHA
	kind, _ := s.git.run(r.Context(), nil, "cat-file", "-t", spec)
	switch strings.TrimSpace(string(kind)) {
	case "tree":
		return s.writeDir(w, r, commit, path, ref)
	case "blob":
		return s.writeFile(w, r, spec, path, ref)
	}
	return notFound()
}

// writeFile answers the blob at spec: raw when the request asks for application/vnd.github.raw,
// otherwise as a content-file object.
func (s *Server) writeFile(w http.ResponseWriter, r *http.Request, spec, path, ref string) error {
	sha, err := s.git.run(r.Context(), nil, "rev-parse", "--verify", "--quiet", "--end-of-options", spec)
	if err != nil {
		return err
	}
	data, err := s.git.run(r.Context(), nil, "cat-file", "blob", strings.TrimSpace(string(sha)))
	if err != nil {
		return err
	}
	if wantsRaw(r) {
		w.Header().Set("Content-Type", "application/vnd.github.raw; charset=utf-8")
		_, err := w.Write(data)
		return err
	}
	return writeJSON(w, http.StatusOK, s.fileJSON(path, ref, strings.TrimSpace(string(sha)), data))
}

// wantsRaw reports whether the Accept header asks for a file's raw bytes.
// https://docs.github.com/rest/repos/contents#get-repository-content--custom-media-types
func wantsRaw(r *http.Request) bool {
	for _, v := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, _ := strings.Cut(strings.TrimSpace(v), ";")
		if mt == "application/vnd.github.raw" || mt == "application/vnd.github.raw+json" || mt == "application/vnd.github.v3.raw" {
			return true
		}
	}
	return false
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
		DownloadURL: github.String(s.rawURL(ref, path)),
	}
	return &contentOut{RepositoryContent: f, Links: contentLinks{Self: f.GetURL(), Git: f.GetGitURL(), HTML: f.GetHTMLURL()}}
}
