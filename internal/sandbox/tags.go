package sandbox

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// routesTags registers the git tag objects API.
// https://docs.github.com/rest/git/tags
func (s *Server) routesTags() {
	s.route("POST /repos/{owner}/{repo}/git/tags", s.createTag)
	s.route("GET /repos/{owner}/{repo}/git/tags/{sha}", s.getTag)
}

// tagRequest is the body of POST /git/tags.
type tagRequest struct {
	Tag     string `json:"tag"`
	Message string `json:"message"`
	Object  string `json:"object"`
	Type    string `json:"type"`
	Tagger  *struct {
		Name  string `json:"name"`
		Email string `json:"email"`
		Date  string `json:"date"`
	} `json:"tagger"`
}

// createTag answers POST /git/tags: it writes a real annotated tag object with git mktag. The
// reference to it is a separate request, as on GitHub.
// https://docs.github.com/rest/git/tags#create-a-tag-object
func (s *Server) createTag(w http.ResponseWriter, r *http.Request) error {
	var req tagRequest
	if err := decodeBody(r, &req); err != nil {
		return err
	}
	if err := s.checkTagRequest(req); err != nil {
		return err
	}
	body, err := s.tagObject(req)
	if err != nil {
		return err
	}
	out, err := s.git.run(context.Background(), []byte(body), "mktag")
	if err != nil {
		return validationFailed("", fieldError{Resource: "Tag", Code: "invalid", Message: err.Error()})
	}
	tag, err := s.readTag(strings.TrimSpace(string(out)))
	if err != nil {
		return err
	}
	w.Header().Set("Location", tag.GetURL())
	return writeJSON(w, http.StatusCreated, tag)
}

// checkTagRequest requires a name, an object that exists, and its true type.
func (s *Server) checkTagRequest(req tagRequest) error {
	var errs []fieldError
	if strings.TrimSpace(req.Tag) == "" {
		errs = append(errs, fieldError{Resource: "Tag", Field: "tag", Code: "missing_field"})
	}
	if req.Type == "" {
		errs = append(errs, fieldError{Resource: "Tag", Field: "type", Code: "missing_field"})
	}
	if len(errs) > 0 {
		return validationFailed("", errs...)
	}
	if err := s.checkObject(req.Object); err != nil {
		return err
	}
	kind, err := s.git.run(context.Background(), nil, "cat-file", "-t", req.Object)
	if err != nil || strings.TrimSpace(string(kind)) != req.Type {
		return validationFailed("", fieldError{Resource: "Tag", Field: "type", Code: "invalid",
			Message: fmt.Sprintf("type must be the object's type, %s", strings.TrimSpace(string(kind)))})
	}
	return nil
}

// tagObject is the raw text of the tag object for req; the tagger defaults to the token's user, now.
func (s *Server) tagObject(req tagRequest) (string, error) {
	name, email, when := s.opts.User, s.opts.User+"@users.noreply.github.com", s.now()
	if t := req.Tagger; t != nil {
		name, email = t.Name, t.Email
		if t.Date != "" {
			d, err := time.Parse(time.RFC3339, t.Date)
			if err != nil {
				return "", validationFailed("", fieldError{Resource: "Tag", Field: "tagger.date", Code: "invalid", Message: "date must be ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)"})
			}
			when = d
		}
	}
	_, offset := when.Zone()
	msg := strings.TrimSuffix(req.Message, "\n") + "\n"
	return fmt.Sprintf("object %s\ntype %s\ntag %s\ntagger %s <%s> %d %s\n\n%s",
		req.Object, req.Type, req.Tag, name, email, when.Unix(), zone(offset), msg), nil
}

// zone formats a UTC offset in seconds as git does: +0200, -0530.
func zone(offset int) string {
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	return fmt.Sprintf("%c%02d%02d", sign, offset/3600, offset%3600/60)
}

// getTag answers GET /git/tags/{sha}: the annotated tag object, or 404 when sha is not one.
// https://docs.github.com/rest/git/tags#get-a-tag
func (s *Server) getTag(w http.ResponseWriter, r *http.Request) error {
	tag, err := s.readTag(r.PathValue("sha"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, tag)
}

// tagOut is GitHub's git tag object: github.Tag with its verification's nulls.
type tagOut struct {
	*github.Tag
	Verification *verificationOut `json:"verification"`
}

// readTag reads the tag object sha with git cat-file, or returns a 404.
func (s *Server) readTag(sha string) (*tagOut, error) {
	if !fullSHA().MatchString(sha) {
		return nil, notFound()
	}
	out, err := s.git.run(context.Background(), nil, "cat-file", "tag", sha)
	if err != nil {
		return nil, notFound()
	}
	head, msg, _ := strings.Cut(string(out), "\n\n")
	tag := &github.Tag{
		SHA: github.String(sha), NodeID: github.String("TAG_" + sha[:12]), URL: github.String(s.apiURL("git/tags/%s", sha)),
		Message: github.String(strings.TrimSuffix(msg, "\n")), Object: &github.GitObject{},
	}
	for _, line := range strings.Split(head, "\n") {
		s.tagHeader(tag, line)
	}
	return &tagOut{Tag: tag, Verification: unsigned()}, nil
}

// tagHeader applies one header line of a tag object to tag.
func (s *Server) tagHeader(tag *github.Tag, line string) {
	key, val, _ := strings.Cut(line, " ")
	switch key {
	case "object":
		tag.Object.SHA = github.String(val)
	case "type":
		tag.Object.Type = github.String(val)
		tag.Object.URL = github.String(s.apiURL("git/%ss/%s", val, tag.Object.GetSHA()))
	case "tag":
		tag.Tag = github.String(val)
	case "tagger":
		tag.Tagger = parseIdent(val)
	}
}

// parseIdent reads git's "Name <email> UNIX +ZONE" identity.
func parseIdent(v string) *github.CommitAuthor {
	name, rest, _ := strings.Cut(v, " <")
	email, rest, _ := strings.Cut(rest, "> ")
	secs, zoneText, _ := strings.Cut(rest, " ")
	unix, _ := strconv.ParseInt(secs, 10, 64)
	when := time.Unix(unix, 0).UTC()
	if len(zoneText) == 5 {
		h, _ := strconv.Atoi(zoneText[1:3])
		m, _ := strconv.Atoi(zoneText[3:])
		off := h*3600 + m*60
		if zoneText[0] == '-' {
			off = -off
		}
		when = when.In(time.FixedZone("", off))
	}
	return &github.CommitAuthor{Name: github.String(name), Email: github.String(email), Date: &github.Timestamp{Time: when}}
}
