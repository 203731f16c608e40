package sandbox

import (
	"net/http"
	"strconv"
	"time"
)

// rateLimit is the primary rate limit GitHub gives an authenticated user, per hour. See
// https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api
const rateLimit = 5000

// rateWindow counts requests in the current hour, as GitHub's core rate limit does.
type rateWindow struct {
	reset time.Time
	used  int
}

// take counts one request at now and returns the window after it.
func (rw *rateWindow) take(now time.Time) rateWindow {
	if !now.Before(rw.reset) {
		rw.reset = now.Add(time.Hour).Truncate(time.Second)
		rw.used = 0
	}
	if rw.used < rateLimit {
		rw.used++
	}
	return *rw
}

// setRateHeaders counts the request and sets GitHub's x-ratelimit-* headers.
func (s *Server) setRateHeaders(w http.ResponseWriter) {
	s.log.mu.Lock()
	rw := s.log.rate.take(s.opts.Clock())
	s.log.mu.Unlock()
	h := w.Header()
	h.Set("X-Ratelimit-Limit", strconv.Itoa(rateLimit))
	h.Set("X-Ratelimit-Remaining", strconv.Itoa(rateLimit-rw.used))
	h.Set("X-Ratelimit-Reset", strconv.FormatInt(rw.reset.Unix(), 10))
	h.Set("X-Ratelimit-Used", strconv.Itoa(rw.used))
	h.Set("X-Ratelimit-Resource", "core")
}

// rateSnapshot is the current window, for GET /rate_limit.
func (s *Server) rateSnapshot() rateWindow {
	s.log.mu.Lock()
	defer s.log.mu.Unlock()
	return s.log.rate
}

// Limits of the resources the sandbox serves none of, per window, as GitHub gives them to an
// authenticated user: search per minute, code search per minute, GraphQL per hour.
const (
	searchLimit     = 30
	codeSearchLimit = 10
	graphQLLimit    = 5000
)

// rateLimitJSON is GET /rate_limit's body: the core window the sandbox counts, and full windows
// for the resources it does not serve.
// https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user
func (s *Server) rateLimitJSON() map[string]any {
	rw, now := s.rateSnapshot(), s.opts.Clock()
	core := rateResource("core", rateLimit, rw.used, rw.reset)
	minute := now.Add(time.Minute).Truncate(time.Second)
	return map[string]any{"rate": core, "resources": map[string]any{
		"core":                 core,
		"search":               rateResource("search", searchLimit, 0, minute),
		"code_search":          rateResource("code_search", codeSearchLimit, 0, minute),
		"graphql":              rateResource("graphql", graphQLLimit, 0, now.Add(time.Hour).Truncate(time.Second)),
		"integration_manifest": rateResource("integration_manifest", rateLimit, 0, now.Add(time.Hour).Truncate(time.Second)),
	}}
}

// rateResource is one resource's window: its limit, what is used and left, and when it resets.
func rateResource(name string, limit, used int, reset time.Time) map[string]any {
	return map[string]any{"limit": limit, "remaining": limit - used, "reset": reset.Unix(), "used": used, "resource": name}
}
