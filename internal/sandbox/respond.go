package sandbox

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
)

// response collects what a handler writes, so that route can finish it as GitHub does: an ETag
// on a successful GET (and 304 when the client already has it), and a Location on a 201.
type response struct {
	header http.Header
	status int
	body   bytes.Buffer
}

// newResponse is an empty response.
func newResponse() *response { return &response{header: http.Header{}} }

// Header is the response's header map.
func (b *response) Header() http.Header { return b.header }

// WriteHeader keeps the first status written.
func (b *response) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

// Write collects body bytes, with a 200 status when none was written.
func (b *response) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

// finish sends b to w. A GET answered 200 gets an ETag, a weak validator of its body, and a
// request whose If-None-Match names it gets 304 with no body. A 201 gets a Location, the url of
// the object created, unless the handler set one.
// https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
func (b *response) finish(w http.ResponseWriter, r *http.Request) {
	for k, v := range b.header {
		w.Header()[k] = v
	}
	status := max(b.status, http.StatusOK)
	switch {
	case status == http.StatusOK && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		tag := etag(b.body.Bytes())
		w.Header().Set("ETag", tag)
		if matchesETag(r.Header.Get("If-None-Match"), tag) {
			w.Header().Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	case status == http.StatusCreated && w.Header().Get("Location") == "":
		if u := createdURL(b.body.Bytes()); u != "" {
			w.Header().Set("Location", u)
		}
	}
	w.WriteHeader(status)
	_, _ = w.Write(b.body.Bytes())
}

// etag is a weak entity tag of body, in GitHub's form W/"<hex>".
func etag(body []byte) string {
	sum := sha256.Sum256(body)
	return `W/"` + hex.EncodeToString(sum[:]) + `"`
}

// matchesETag reports whether an If-None-Match header names tag; weak and strong forms compare
// equal, and "*" matches anything.
func matchesETag(header, tag string) bool {
	want := strings.TrimPrefix(tag, "W/")
	for _, v := range strings.Split(header, ",") {
		v = strings.TrimSpace(v)
		if v == "*" || strings.TrimPrefix(v, "W/") == want {
			return true
		}
	}
	return false
}

// createdURL is the url field of a created object's JSON, or "".
func createdURL(body []byte) string {
	var obj struct {
		URL string `json:"url"`
	}
	if json.Unmarshal(body, &obj) != nil {
		return ""
	}
	return obj.URL
}
