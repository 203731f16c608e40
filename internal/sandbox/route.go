package sandbox

import (
	"net/http"
	"strings"
)

// handlerFunc serves one endpoint; a returned error is written with writeError.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// route registers h for a ServeMux pattern such as "GET /repos/{owner}/{repo}/git/ref/{ref...}".
// A request for another repository is a 404. Requests are served one at a time under s.mu, and
// after a successful write the state is saved.
func (s *Server) route(pattern string, h handlerFunc) {
	s.patterns = append(s.patterns, pattern)
	scoped, doc := strings.Contains(pattern, "{owner}"), docLink(pattern)
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		if scoped && !s.isRepo(r.PathValue("owner"), r.PathValue("repo")) {
			writeError(w, withDoc(notFound(), doc))
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.base = requestBase(r)
		rec := newResponse()
		defer rec.finish(w, r)
		if err := h(rec, r); err != nil {
			writeError(rec, withDoc(err, doc))
			return
		}
		if isWrite(r.Method) && rec.status < 400 {
			s.saveState()
		}
	})
}

// isRepo reports whether owner/name is the sandbox's repository; GitHub compares them without case.
func (s *Server) isRepo(owner, name string) bool {
	return strings.EqualFold(owner, s.opts.Owner) && strings.EqualFold(name, s.opts.Name)
}

// requestBase is the scheme and host that the client used, so that URLs in responses work for it.
func requestBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// isWrite reports whether method changes state.
func isWrite(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

// saveState writes the state file, logging a failure: the response has already gone out.
func (s *Server) saveState() {
	if err := s.st.save(s.opts.StateFile); err != nil {
		s.opts.Logf("sandbox: %v", err)
	}
}
