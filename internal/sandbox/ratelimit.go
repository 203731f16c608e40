package sandbox

import (
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Primary rate limits per hour, as GitHub gives them: a token's, and a client's without one. See
// https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api
const (
	rateLimit          = 5000
	anonymousRateLimit = 60
)

// Primary and secondary limit bodies' documentation URLs, as GitHub sends them.
const (
	primaryDoc   = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit"
	secondaryDoc = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"
)

// rateWindow counts requests in the current hour, as GitHub's core rate limit does.
type rateWindow struct {
	limit int
	reset time.Time
	used  int
}

// at is the window as it stands at now: a new one once the reset has passed.
func (rw *rateWindow) at(now time.Time) *rateWindow {
	if !now.Before(rw.reset) {
		rw.reset = now.Add(time.Hour).Truncate(time.Second)
		rw.used = 0
	}
	return rw
}

// budgets are the rate-limit windows per token: the primary window, and the content-creating
// requests of the last hour for the secondary limit.
type budgets struct {
	mu      sync.Mutex
	windows map[string]*rateWindow
	writes  map[string][]time.Time
}

// window is token's primary window at now; "" is a client without a token.
func (s *Server) window(token string, now time.Time) *rateWindow {
	b := &s.budgets
	if b.windows == nil {
		b.windows, b.writes = map[string]*rateWindow{}, map[string][]time.Time{}
	}
	rw := b.windows[token]
	if rw == nil {
		rw = &rateWindow{limit: s.primaryLimit(token)}
		b.windows[token] = rw
	}
	return rw.at(now)
}

// primaryLimit is the hourly limit of token: Options.RateLimit (GitHub's 5,000 by default), or
// GitHub's 60 for a client without a token.
func (s *Server) primaryLimit(token string) int {
	if token == "" {
		return anonymousRateLimit
	}
	if s.opts.RateLimit > 0 {
		return s.opts.RateLimit
	}
	return rateLimit
}

// requestToken is the token an Authorization header carries ("Bearer T" or "token T"), or "".
func requestToken(r *http.Request) string {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !(strings.EqualFold(scheme, "bearer") || strings.EqualFold(scheme, "token")) {
		return ""
	}
	return strings.TrimSpace(tok)
}

// rateLimited counts each request against its token's budgets and refuses it as GitHub does once
// one is spent. A primary window that is spent is a 403 with x-ratelimit-remaining 0 and the
// reset; a secondary limit (content-creating requests) is a 403 with retry-after. A response
// 304 Not Modified is not counted, and neither is GET /rate_limit.
func (s *Server) rateLimited(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, now := requestToken(r), s.opts.Clock()
		s.budgets.mu.Lock()
		rw := *s.window(token, now)
		refusal := s.refusal(token, rw, r, now)
		s.budgets.mu.Unlock()
		if refusal != nil {
			setRateHeaders(w.Header(), rw)
			refusal(w)
			return
		}
		next.ServeHTTP(&meteredWriter{ResponseWriter: w, count: func(status int) rateWindow {
			return s.count(token, r, status, now)
		}}, r)
	})
}

// count spends one request of token's budgets unless status is 304 or the request is for
// /rate_limit, and returns the window after it.
func (s *Server) count(token string, r *http.Request, status int, now time.Time) rateWindow {
	s.budgets.mu.Lock()
	defer s.budgets.mu.Unlock()
	rw := s.window(token, now)
	if status == http.StatusNotModified || r.URL.Path == "/rate_limit" {
		return *rw
	}
	rw.used++
	if createsContent(r.Method) {
		s.budgets.writes[token] = append(s.budgets.writes[token], now)
	}
	return *rw
}

// setRateHeaders sets GitHub's x-ratelimit-* headers for the window rw.
func setRateHeaders(h http.Header, rw rateWindow) {
	h.Set("X-Ratelimit-Limit", strconv.Itoa(rw.limit))
	h.Set("X-Ratelimit-Remaining", strconv.Itoa(max(rw.limit-rw.used, 0)))
	h.Set("X-Ratelimit-Reset", strconv.FormatInt(rw.reset.Unix(), 10))
	h.Set("X-Ratelimit-Used", strconv.Itoa(rw.used))
	h.Set("X-Ratelimit-Resource", "core")
}

// meteredWriter counts the request when its status is written, and sets the rate headers that
// follow from it.
type meteredWriter struct {
	http.ResponseWriter
	count   func(status int) rateWindow
	counted bool
}

// WriteHeader counts the request and sends the headers.
func (mw *meteredWriter) WriteHeader(code int) {
	if !mw.counted {
		mw.counted = true
		setRateHeaders(mw.Header(), mw.count(code))
	}
	mw.ResponseWriter.WriteHeader(code)
}

// Write sends b, with a 200 status when none was written.
func (mw *meteredWriter) Write(b []byte) (int, error) {
	if !mw.counted {
		mw.WriteHeader(http.StatusOK)
	}
	return mw.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the underlying writer.
func (mw *meteredWriter) Unwrap() http.ResponseWriter { return mw.ResponseWriter }

// Limits of the resources the sandbox serves none of, per window, as GitHub gives them to an
// authenticated user: search per minute, code search per minute, GraphQL per hour.
const (
	searchLimit     = 30
	codeSearchLimit = 10
	graphQLLimit    = 5000
)

// rateLimitJSON is GET /rate_limit's body for token: the core window the sandbox counts, and
// full windows for the resources it does not count.
// https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user
func (s *Server) rateLimitJSON(token string) map[string]any {
	now := s.opts.Clock()
	s.budgets.mu.Lock()
	rw := *s.window(token, now)
	s.budgets.mu.Unlock()
	core := rateResource("core", rw.limit, rw.used, rw.reset)
	minute, hour := now.Add(time.Minute).Truncate(time.Second), now.Add(time.Hour).Truncate(time.Second)
	return map[string]any{"rate": core, "resources": map[string]any{
		"core":                 core,
		"search":               rateResource("search", searchLimit, 0, minute),
		"code_search":          rateResource("code_search", codeSearchLimit, 0, minute),
		"graphql":              rateResource("graphql", graphQLLimit, 0, hour),
		"integration_manifest": rateResource("integration_manifest", rateLimit, 0, hour),
	}}
}

// rateResource is one resource's window: its limit, what is used and left, and when it resets.
func rateResource(name string, limit, used int, reset time.Time) map[string]any {
	return map[string]any{"limit": limit, "remaining": limit - used, "reset": reset.Unix(), "used": used, "resource": name}
}
