package sandbox

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/google/go-github/v60/github"
)

// routesRefs registers the git references API.
// https://docs.github.com/rest/git/refs
func (s *Server) routesRefs() {
	s.route("GET /repos/{owner}/{repo}/git/ref/{ref...}", s.getRef)
	s.route("GET /repos/{owner}/{repo}/git/matching-refs/{ref...}", s.matchingRefs)
	s.route("GET /repos/{owner}/{repo}/git/refs/{ref...}", s.listRefs)
	s.route("POST /repos/{owner}/{repo}/git/refs", s.createRef)
	s.route("PATCH /repos/{owner}/{repo}/git/refs/{ref...}", s.updateRef)
	s.route("DELETE /repos/{owner}/{repo}/git/refs/{ref...}", s.deleteRef)
}

// fullSHA matches a complete object name, the only form the refs API accepts for sha.
var fullSHA = regexp.MustCompile(`^[0-9a-f]{40}$`)

// refEntry is one reference and the object it points at.
type refEntry struct {
	name, sha, kind string
}

// refs lists the references whose names start with prefix, sorted by name.
func (g *gitRepo) refs(prefix string) ([]refEntry, error) {
	out, err := g.run(context.Background(), nil, "for-each-ref", "--format=%(refname)%00%(objectname)%00%(objecttype)", "refs/")
	if err != nil {
		return nil, fmt.Errorf("list refs: %w", err)
	}
	var list []refEntry
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\x00")
		if len(f) == 3 && strings.HasPrefix(f[0], prefix) {
			list = append(list, refEntry{name: f[0], sha: f[1], kind: f[2]})
		}
	}
	return list, nil
}

// ref is the one reference called name (refs/...), or a 404.
func (g *gitRepo) ref(name string) (refEntry, error) {
	list, err := g.refs(name)
	if err != nil {
		return refEntry{}, err
	}
	for _, e := range list {
		if e.name == name {
			return e, nil
		}
	}
	return refEntry{}, notFound()
}

// reference is a refEntry as the API shows it.
func (s *Server) reference(e refEntry) *github.Reference {
	objURL := s.apiURL("git/commits/%s", e.sha)
	if e.kind == "tag" {
		objURL = s.apiURL("git/tags/%s", e.sha)
	}
	return &github.Reference{
		Ref:    github.String(e.name),
		NodeID: github.String("REF_" + e.sha[:12]),
		URL:    github.String(s.apiURL("git/%s", e.name)),
		Object: &github.GitObject{Type: github.String(e.kind), SHA: github.String(e.sha), URL: github.String(objURL)},
	}
}

// getRef answers GET /git/ref/{ref}: the one reference refs/{ref}.
func (s *Server) getRef(w http.ResponseWriter, r *http.Request) error {
	e, err := s.git.ref("refs/" + r.PathValue("ref"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, s.reference(e))
}

// matchingRefs answers GET /git/matching-refs/{ref}: every reference whose name starts with
// refs/{ref}, such as tags/v1.2., possibly none. GitHub ignores page and per_page here and sends
// every match in one response with no Link header (github/docs#3863, google/go-github#1567).
func (s *Server) matchingRefs(w http.ResponseWriter, r *http.Request) error {
	list, err := s.git.refs("refs/" + r.PathValue("ref"))
	if err != nil {
		return err
	}
	out := make([]*github.Reference, 0, len(list))
	for _, e := range list {
		out = append(out, s.reference(e))
	}
	return writeJSON(w, http.StatusOK, out)
}

// listRefs answers the older GET /git/refs/{ref}: the reference when refs/{ref} is one, otherwise
// the references under it, and 404 when there are none.
func (s *Server) listRefs(w http.ResponseWriter, r *http.Request) error {
	name := strings.TrimSuffix("refs/"+r.PathValue("ref"), "/")
	if e, err := s.git.ref(name); err == nil {
		return writeJSON(w, http.StatusOK, s.reference(e))
	}
	list, err := s.git.refs(strings.TrimSuffix(name, "/") + "/")
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return notFound()
	}
	return s.writeRefs(w, r, list)
}

// writeRefs answers a page of references.
func (s *Server) writeRefs(w http.ResponseWriter, r *http.Request, list []refEntry) error {
	page, err := paginate(w, r, list)
	if err != nil {
		return err
	}
	out := make([]*github.Reference, 0, len(page))
	for _, e := range page {
		out = append(out, s.reference(e))
	}
	return writeJSON(w, http.StatusOK, out)
}
