package sandbox

import (
	"bytes"
	"cmp"
	"context"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The bodies GitHub sends with its faults. See
// https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api.
const (
	serverErrorBody = `{"message":"Server Error"}`
	badGatewayBody  = "<html><body><h1>502 Bad Gateway</h1>\n" +
		"The server returned an invalid or incomplete response.\n</body></html>\n"
	secondaryBody = `{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",` +
		`"documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}`
	primaryBody = `{"message":"API rate limit exceeded for installation.",` +
		`"documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit"}`
	forbiddenBody = `{"message":"Resource not accessible by integration",` +
		`"documentation_url":"https://docs.github.com/rest"}`
)

// faulter is the middleware that WithFaults returns.
type faulter struct {
	next  http.Handler
	spec  FaultSpec
	count atomic.Uint64
	mu    sync.Mutex
	hits  []int // matching requests seen, per route fault
}

// WithFaults wraps h so that requests fail as spec says. A fault before the handler means the
// request never reached it; a fault after means the handler ran (its write happened) and the
// response is replaced or the connection dropped, as when GitHub's reply is lost on the way.
func WithFaults(h http.Handler, spec FaultSpec) http.Handler {
	if spec.Clock == nil {
		spec.Clock = time.Now
	}
	return &faulter{next: h, spec: spec, hits: make([]int, len(spec.Routes))}
}

// ServeHTTP decides the request's fault and serves it.
func (f *faulter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := f.count.Add(1) - 1
	if !pause(r.Context(), f.spec.Delay) {
		return
	}
	kind, phase, ok := f.decide(n, r)
	if !ok {
		f.next.ServeHTTP(w, r)
		return
	}
	if f.spec.OnFault != nil {
		f.spec.OnFault(Fault{N: n, Method: r.Method, Path: r.URL.Path, Kind: kind, Phase: phase})
	}
	if kind == FaultLatency {
		if pause(r.Context(), f.spec.Latency) {
			f.next.ServeHTTP(w, r)
		}
		return
	}
	if phase == PhaseAfter {
		rec := &recorder{header: http.Header{}}
		f.next.ServeHTTP(rec, r)
		if kind == FaultPrimaryLimit {
			f.exhausted(rec.header)
			rec.replay(w)
			return
		}
	}
	f.inject(w, r, kind)
}

// decide picks the fault for the nth request: a matching route fault first, then a random one
// drawn from a generator seeded with the spec's seed and n alone.
func (f *faulter) decide(n uint64, r *http.Request) (FaultKind, Phase, bool) {
	rng := rand.New(rand.NewPCG(f.spec.Seed, n))
	if rf, ok := f.route(r); ok {
		return rf.Kind, choosePhase(rf.Kind, rf.Phase, rng), true
	}
	if len(f.spec.Kinds) == 0 || rng.Float64() >= f.spec.Rate {
		return "", "", false
	}
	kind := f.spec.Kinds[rng.IntN(len(f.spec.Kinds))]
	return kind, choosePhase(kind, f.spec.Phase, rng), true
}

// route returns the first route fault that matches r and still has hits left.
func (f *faulter) route(r *http.Request) (RouteFault, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, rf := range f.spec.Routes {
		if !rf.matches(r) || (rf.Count > 0 && f.hits[i] >= rf.Count) {
			continue
		}
		f.hits[i]++
		return rf, true
	}
	return RouteFault{}, false
}

// choosePhase settles when a fault strikes. Refusals come before the handler, except a primary
// rate limit asked for after it: that request is served, and spends the last of the limit.
func choosePhase(kind FaultKind, want Phase, rng *rand.Rand) Phase {
	switch kind {
	case FaultServerError, FaultBadGateway, FaultReset, FaultTimeout:
	case FaultPrimaryLimit:
		if want == PhaseAfter {
			return PhaseAfter
		}
		return PhaseBefore
	default:
		return PhaseBefore
	}
	if want != PhaseEither {
		return want
	}
	if rng.IntN(2) == 0 {
		return PhaseBefore
	}
	return PhaseAfter
}

// matches reports whether r is a request for the route.
func (rf RouteFault) matches(r *http.Request) bool {
	if rf.Method != "" && rf.Method != r.Method {
		return false
	}
	want := strings.Split(strings.Trim(rf.Path, "/"), "/")
	got := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	for i, w := range want {
		if strings.HasPrefix(w, "{") && strings.HasSuffix(w, "...}") {
			return len(got) > i
		}
		if i >= len(got) || (got[i] != w && !strings.HasPrefix(w, "{")) {
			return false
		}
	}
	return len(got) == len(want)
}

// inject writes the fault's response, or drops the connection.
func (f *faulter) inject(w http.ResponseWriter, r *http.Request, kind FaultKind) {
	h := w.Header()
	switch kind {
	case FaultServerError:
		writeFault(w, http.StatusInternalServerError, serverErrorBody)
	case FaultBadGateway:
		h.Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte(badGatewayBody))
	case FaultSecondary, FaultTooMany:
		h.Set("Retry-After", strconv.Itoa(f.spec.RetryAfter))
		status := http.StatusForbidden
		if kind == FaultTooMany {
			status = http.StatusTooManyRequests
		}
		writeFault(w, status, secondaryBody)
	case FaultPrimaryLimit:
		f.exhausted(h)
		writeFault(w, http.StatusForbidden, primaryBody)
	case FaultForbidden:
		writeFault(w, http.StatusForbidden, forbiddenBody)
	case FaultTimeout:
		if pause(r.Context(), f.spec.Timeout) {
			reset(w)
		}
	default:
		reset(w)
	}
}

// exhausted sets the headers of a spent primary rate limit that resets in RetryAfter seconds.
func (f *faulter) exhausted(h http.Header) {
	when := f.spec.Clock().Add(time.Duration(f.spec.RetryAfter) * time.Second)
	h.Set("X-Ratelimit-Limit", "5000")
	h.Set("X-Ratelimit-Remaining", "0")
	h.Set("X-Ratelimit-Used", "5000")
	h.Set("X-Ratelimit-Resource", "core")
	h.Set("X-Ratelimit-Reset", strconv.FormatInt(when.Unix(), 10))
}

// writeFault writes a JSON error body with its status.
func writeFault(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write([]byte(body))
}

// reset closes the connection without a response; with linger 0 the peer sees a TCP reset.
// A connection that can't be taken over (HTTP/2) gets a bare 502 instead, the nearest thing.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		return
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		tcp.SetLinger(0)
	}
	conn.Close()
}

// pause waits for d, and reports false when the request was abandoned first.
func pause(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// recorder is a ResponseWriter that keeps the handler's response, to be dropped (the write
// happened, and nobody hears about it) or replayed with other headers.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (rec *recorder) Header() http.Header         { return rec.header }
func (rec *recorder) Write(b []byte) (int, error) { return rec.body.Write(b) }

// WriteHeader keeps the first status written.
func (rec *recorder) WriteHeader(status int) {
	if rec.status == 0 {
		rec.status = status
	}
}

// replay sends the kept response to w.
func (rec *recorder) replay(w http.ResponseWriter) {
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.WriteHeader(cmp.Or(rec.status, http.StatusOK))
	w.Write(rec.body.Bytes())
}
