package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// routesTagList registers the repository's tag list.
// https://docs.github.com/rest/repos/repos#list-repository-tags
func (s *Server) routesTagList() {
	s.route("GET /repos/{owner}/{repo}/tags", s.listTags)
}

// tagOutline is one entry of the tag list: the name, the commit it points at (annotated tags
// peeled), and the archive URLs.
type tagOutline struct {
	Name       string    `json:"name"`
	Commit     tagCommit `json:"commit"`
	ZipballURL string    `json:"zipball_url"`
	TarballURL string    `json:"tarball_url"`
	NodeID     string    `json:"node_id"`
}

// tagCommit is the commit a listed tag points at.
type tagCommit struct {
	SHA string `json:"sha"`
	URL string `json:"url"`
}

// listTags answers GET /tags: every tag, paged with Link, in GitHub's order, which is the names
// in reverse byte order (so v1.9.0 comes before v1.10.0, as users of the endpoint find).
func (s *Server) listTags(w http.ResponseWriter, r *http.Request) error {
	refs, err := s.git.refs("refs/tags/")
	if err != nil {
		return err
	}
	slices.SortFunc(refs, func(a, b refEntry) int { return strings.Compare(b.name, a.name) })
	page, err := paginate(w, r, refs)
	if err != nil {
		return err
	}
	out := make([]tagOutline, 0, len(page))
	for _, e := range page {
		name := strings.TrimPrefix(e.name, "refs/tags/")
		sha, err := s.git.resolve(e.name)
		if err != nil {
			return err
		}
		out = append(out, tagOutline{Name: name, Commit: tagCommit{SHA: sha, URL: s.apiURL("commits/%s", sha)},
			ZipballURL: s.apiURL("zipball/refs/tags/%s", name), TarballURL: s.apiURL("tarball/refs/tags/%s", name),
			NodeID: "REF_" + sha[:12]})
	}
	return writeJSON(w, http.StatusOK, out)
}
