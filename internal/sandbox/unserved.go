package sandbox

import (
	"net/http"
	"slices"
	"strings"
)

// unserved answers a request that no route serves: GitHub's 404, whose message also says that it
// is the sandbox that does not serve the method and path, so that a missing endpoint is not
// mistaken for a missing object.
func unserved(w http.ResponseWriter, r *http.Request) {
	writeError(w, &apiError{Status: http.StatusNotFound,
		Message: "Not Found (the sandbox does not serve " + r.Method + " " + r.URL.Path + "; its package doc lists the endpoints it serves)"})
}

// catchOtherMethods answers the methods that a route's path is not served for with unserved, as
// GitHub answers them 404; without it, the mux would answer 405 with a text body. It runs after
// every route is registered. A catch-all that the mux finds ambiguous with a route (such as
// issues/{number}/comments with GET issues/{number}/{sub}) is left out.
func (s *Server) catchOtherMethods() {
	var done []string
	for _, pattern := range s.patterns {
		_, path, ok := strings.Cut(pattern, " ")
		if !ok || slices.Contains(done, path) {
			continue
		}
		done = append(done, path)
		func() {
			defer func() { _ = recover() }() // the mux panics on a conflicting pattern, and registers nothing
			s.mux.HandleFunc(path, unserved)
		}()
	}
}
