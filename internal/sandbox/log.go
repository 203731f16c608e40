package sandbox

import (
	"bufio"
	"errors"
	"maps"
	"net"
	"net/http"
	"slices"
	"sync"
)

// LoggedRequest is one request the sandbox received.
type LoggedRequest struct {
	Method string
	Path   string
	// Route is the pattern that matched, such as "GET /repos/{owner}/{repo}/pulls"; empty when none did.
	Route string
	// Status is the status code sent, or 0 when the connection was dropped without a response.
	Status int
}

// requestLog is every request received, with counts per route.
type requestLog struct {
	mu      sync.Mutex
	entries []LoggedRequest
	counts  map[string]int
}

// Requests returns how many requests each route pattern received since the start or the last
// ResetRequests. Requests that matched no route are counted under "".
func (s *Server) Requests() map[string]int {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	return maps.Clone(s.log.counts)
}

// RequestLog returns the requests received since the start or the last ResetRequests, in order.
func (s *Server) RequestLog() []LoggedRequest {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	return slices.Clone(s.log.entries)
}

// ResetRequests empties the request log and its counts.
func (s *Server) ResetRequests() {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	s.log.entries = nil
	s.log.counts = nil
}

// logged records each request handled by h, whatever h does with it.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, pattern := s.mux.Handler(r)
		if pattern == "/" {
			pattern = ""
		}
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		s.record(LoggedRequest{Method: r.Method, Path: r.URL.RequestURI(), Route: pattern, Status: sw.status})
	})
}

// record appends one request to the log.
func (s *Server) record(lr LoggedRequest) {
	s.log.mu.Lock()
	s.log.entries = append(s.log.entries, lr)
	if s.log.counts == nil {
		s.log.counts = map[string]int{}
	}
	s.log.counts[lr.Route]++
	s.log.mu.Unlock()
	s.opts.Logf("%s %s %d", lr.Method, lr.Path, lr.Status)
}

// statusWriter remembers the status code written through it. It passes hijacking and flushing
// through, so that middleware can drop a connection.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader records code and sends it.
func (sw *statusWriter) WriteHeader(code int) {
	if sw.status == 0 {
		sw.status = code
	}
	sw.ResponseWriter.WriteHeader(code)
}

// Write sends b, with a 200 status when none was written.
func (sw *statusWriter) Write(b []byte) (int, error) {
	if sw.status == 0 {
		sw.status = http.StatusOK
	}
	return sw.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (sw *statusWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }

// Flush sends buffered data when the underlying writer can.
func (sw *statusWriter) Flush() {
	if f, ok := sw.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Hijack hands over the connection when the underlying writer can.
func (sw *statusWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := sw.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("hijack sandbox response: not supported")
	}
	return hj.Hijack()
}
