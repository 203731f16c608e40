package gh

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"strings"
	"sync/atomic"
	"time"
)

// transport retries what is safe to retry. A read is retried on 5xx and broken connections. A
// write is retried only when GitHub provably did not act on it: a rate-limit refusal, or a request
// that was never sent. Any other failed write is returned for the caller to read back.
type transport struct {
	base http.RoundTripper
	opts Options
}

// attempt is the outcome of sending a request once.
type attempt struct {
	resp *http.Response
	err  error
	sent bool // the request was written to the connection, so GitHub may have acted on it
}

// RoundTrip sends req, retrying as the type's doc says.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil && req.Body != http.NoBody {
		defer req.Body.Close()
	}
	tries := max(t.opts.MaxRetries, 0) + 1
	if req.GetBody == nil && req.Body != nil && req.Body != http.NoBody {
		tries = 1 // the body can't be sent twice
	}
	for try := 1; ; try++ {
		a := t.send(req)
		wait, retry := t.judge(req, a, try)
		if !retry || try == tries {
			return t.finish(req, a)
		}
		t.opts.Logf("github: %s %s: %s; retry %d of %d in %v", req.Method, req.URL.Path, a.describe(), try, tries-1, wait.Round(time.Millisecond))
		if err := t.opts.Sleep(req.Context(), wait); err != nil {
			return nil, err
		}
	}
}

// send makes one attempt with its own timeout, and reads the whole response body within it.
func (t *transport) send(req *http.Request) attempt {
	ctx, cancel := context.WithTimeout(req.Context(), t.opts.Timeout)
	defer cancel()
	var sent atomic.Bool
	trace := &httptrace.ClientTrace{WroteRequest: func(httptrace.WroteRequestInfo) { sent.Store(true) }}
	r := req.Clone(httptrace.WithClientTrace(ctx, trace))
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return attempt{err: fmt.Errorf("rewind request body: %w", err)}
		}
		r.Body = body
	}
	resp, err := t.base.RoundTrip(r)
	if err != nil {
		return attempt{err: redact(err, t.opts.Token), sent: sent.Load()}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return attempt{err: fmt.Errorf("read response: %w", err), sent: true}
	}
	if resp.StatusCode >= 400 && t.opts.Token != "" {
		body = bytes.ReplaceAll(body, []byte(t.opts.Token), []byte("***")) // an error body may echo the request
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.Request = withoutCredentials(req)
	return attempt{resp: resp, sent: true}
}

// judge decides whether an attempt is worth repeating, and after how long.
func (t *transport) judge(req *http.Request, a attempt, try int) (time.Duration, bool) {
	if req.Context().Err() != nil {
		return 0, false
	}
	if a.err != nil {
		return backoff(try), isRead(req.Method) || !a.sent
	}
	if wait, limited := rateLimitWait(a.resp, t.opts.Now()); limited {
		return wait, wait <= t.opts.MaxWait
	}
	return backoff(try), a.resp.StatusCode >= 500 && isRead(req.Method)
}

// finish returns the last attempt: a broken write becomes an UncertainWriteError, and a spent
// rate limit is waited out before the response goes back, so the next request is allowed.
func (t *transport) finish(req *http.Request, a attempt) (*http.Response, error) {
	if a.err != nil {
		if a.sent && !isRead(req.Method) && req.Context().Err() == nil {
			return nil, &UncertainWriteError{Method: req.Method, Path: req.URL.Path, Err: a.err}
		}
		return nil, a.err
	}
	if a.resp.StatusCode < 300 && a.resp.Header.Get("X-Ratelimit-Remaining") == "0" {
		if wait, _ := resetWait(a.resp.Header, t.opts.Now()); wait > 0 && wait <= t.opts.MaxWait {
			t.opts.Logf("github: rate limit spent; waiting %v for it to reset", wait.Round(time.Second))
			if err := t.opts.Sleep(req.Context(), wait); err != nil {
				return nil, err
			}
		}
	}
	return a.resp, nil
}

// describe says what went wrong with an attempt, for the log.
func (a attempt) describe() string {
	if a.err != nil {
		return a.err.Error()
	}
	return a.resp.Status
}

// isRead reports whether a method only reads, so repeating it is harmless.
func isRead(method string) bool {
	return method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions
}

// withoutCredentials is req without its Authorization header. go-github keeps the response's
// request in its errors, and an error must never carry the token.
func withoutCredentials(req *http.Request) *http.Request {
	r := req.Clone(req.Context())
	r.Header.Del("Authorization")
	return r
}

// redactedError is an error whose text shows the token as "***": a transport (a proxy, say) may
// echo the request it failed on. errors.Is and errors.As still see the error it wraps.
type redactedError struct {
	err   error
	token string
}

func (e *redactedError) Error() string { return strings.ReplaceAll(e.err.Error(), e.token, "***") }

func (e *redactedError) Unwrap() error { return e.err }

// redact hides token in err's text, when it is there.
func redact(err error, token string) error {
	if token == "" || !strings.Contains(err.Error(), token) {
		return err
	}
	return &redactedError{err: err, token: token}
}
