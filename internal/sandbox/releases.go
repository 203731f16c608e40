package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/google/go-github/v60/github"
)

// releaseRecord is a GitHub release of a tag.
type releaseRecord struct {
	ID          int64      `json:"id"`
	TagName     string     `json:"tag_name"`
	Target      string     `json:"target_commitish"`
	Name        string     `json:"name,omitempty"`
	Body        string     `json:"body,omitempty"`
	Draft       bool       `json:"draft,omitempty"`
	Prerelease  bool       `json:"prerelease,omitempty"`
	Author      string     `json:"author"`
	CreatedAt   time.Time  `json:"created_at"`
	PublishedAt *time.Time `json:"published_at,omitempty"`
}

// routesReleases registers the release endpoints; a tag may hold '/', so it is the rest of the
// path. See https://docs.github.com/rest/releases/releases
func (s *Server) routesReleases() {
	s.route("POST /repos/{owner}/{repo}/releases", s.createRelease)
	s.route("GET /repos/{owner}/{repo}/releases", s.listReleases)
	s.route("GET /repos/{owner}/{repo}/releases/tags/{tag...}", s.getReleaseByTag)
}

// createRelease answers POST /repos/{owner}/{repo}/releases with 201. A tag that already has a
// release is a 422 already_exists. A published release of a tag that git does not have creates
// the tag (a lightweight ref) on target_commitish, main by default, as GitHub does.
func (s *Server) createRelease(w http.ResponseWriter, r *http.Request) error {
	var req github.RepositoryRelease
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if err := s.checkRelease(&req); err != nil {
		return err
	}
	rec := &releaseRecord{ID: s.nextID(), TagName: req.GetTagName(), Target: req.GetTargetCommitish(),
		Name: req.GetName(), Body: req.GetBody(), Draft: req.GetDraft(), Prerelease: req.GetPrerelease(),
		Author: s.requester(r), CreatedAt: s.now()}
	if rec.Target == "" {
		rec.Target = s.git.defaultBranch()
	}
	if !rec.Draft {
		if err := s.ensureTag(rec.TagName, rec.Target); err != nil {
			return err
		}
		rec.PublishedAt = &rec.CreatedAt
	}
	s.st.Releases = append(s.st.Releases, rec)
	return writeJSON(w, http.StatusCreated, s.releaseJSON(rec))
}

// checkRelease validates a create request: a tag name, not released yet.
func (s *Server) checkRelease(req *github.RepositoryRelease) error {
	if req.GetTagName() == "" {
		return validationFailed("", fieldError{Resource: "Release", Field: "tag_name", Code: "missing_field"})
	}
	if s.release(req.GetTagName()) != nil {
		return validationFailed("", fieldError{Resource: "Release", Field: "tag_name", Code: "already_exists"})
	}
	if utf8.RuneCountInString(req.GetBody()) > 125000 {
		return validationFailed("", fieldError{Resource: "Release", Field: "body", Code: "custom",
			Message: "body is too long (maximum is 125000 characters)"})
	}
	return nil
}

// ensureTag creates refs/tags/TAG on target unless the tag exists; an unknown target is GitHub's
// 422 on target_commitish.
func (s *Server) ensureTag(tag, target string) error {
	if _, err := s.git.resolve("refs/tags/" + tag); err == nil {
		return nil
	}
	sha, err := s.git.resolve(target)
	if err != nil {
		return validationFailed("", fieldError{Resource: "Release", Field: "target_commitish", Code: "invalid"})
	}
	if err := s.git.updateRef("refs/tags/"+tag, sha); err != nil {
		return validationFailed("", fieldError{Resource: "Release", Field: "tag_name", Code: "invalid",
			Message: "tag_name is not a valid tag"})
	}
	return nil
}

// getReleaseByTag answers GET /repos/{owner}/{repo}/releases/tags/{tag}.
func (s *Server) getReleaseByTag(w http.ResponseWriter, r *http.Request) error {
	rec := s.release(r.PathValue("tag"))
	if rec == nil {
		return notFound()
	}
	return writeJSON(w, http.StatusOK, s.releaseJSON(rec))
}

// listReleases answers GET /repos/{owner}/{repo}/releases, newest first, paginated.
func (s *Server) listReleases(w http.ResponseWriter, r *http.Request) error {
	all := slices.Clone(s.st.Releases)
	slices.Reverse(all)
	page, err := paginate(w, r, all)
	if err != nil {
		return err
	}
	out := []*releaseOut{}
	for _, rec := range page {
		out = append(out, s.releaseJSON(rec))
	}
	return writeJSON(w, http.StatusOK, out)
}

// release is the release of tag, or nil.
func (s *Server) release(tag string) *releaseRecord {
	for _, rec := range s.st.Releases {
		if rec.TagName == tag {
			return rec
		}
	}
	return nil
}

// releaseOut is GitHub's release object: github.RepositoryRelease with its assets, [] when none.
type releaseOut struct {
	*github.RepositoryRelease
	Assets []*github.ReleaseAsset `json:"assets"`
}

// releaseJSON renders rec as GitHub's release object.
func (s *Server) releaseJSON(rec *releaseRecord) *releaseOut {
	api := s.apiURL("releases/%d", rec.ID)
	tag := url.PathEscape(rec.TagName)
	rel := &github.RepositoryRelease{
		ID: github.Int64(rec.ID), NodeID: github.String(nodeIDFor("RE", rec.ID)),
		TagName: github.String(rec.TagName), TargetCommitish: github.String(rec.Target),
		Name: github.String(rec.Name), Body: github.String(rec.Body),
		Draft: github.Bool(rec.Draft), Prerelease: github.Bool(rec.Prerelease),
		Author: s.user(rec.Author), CreatedAt: stamp(rec.CreatedAt),
		URL: github.String(api), AssetsURL: github.String(api + "/assets"),
		UploadURL:  github.String(s.apiURL("releases/%d/assets{?name,label}", rec.ID)),
		HTMLURL:    github.String(s.htmlURL("releases/tag/%s", tag)),
		TarballURL: github.String(s.apiURL("tarball/%s", tag)),
		ZipballURL: github.String(s.apiURL("zipball/%s", tag)),
	}
	if rec.PublishedAt != nil {
		rel.PublishedAt = stamp(*rec.PublishedAt)
	}
	return &releaseOut{RepositoryRelease: rel, Assets: []*github.ReleaseAsset{}}
}
