package contract

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
)

// Middleware wraps a server's handler: it checks every request the handler
// receives and every response it writes, and passes each violation error to
// report. It holds the response until the check is done, so a report comes
// before the client sees the response; otherwise the handler's behaviour is
// unchanged. A hijacked connection is not checked.
func (c *Checker) Middleware(h http.Handler, report func(error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqBody, err := readAll(&r.Body)
		if err != nil {
			report(err)
		}
		rec := &recorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		if rec.hijacked {
			return
		}
		resp := &http.Response{StatusCode: rec.status, Header: w.Header().Clone()}
		if err := c.Check(r, reqBody, resp, rec.body.Bytes()); err != nil {
			report(err)
		}
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.body.Bytes())
	})
}

// RequestMiddleware wraps a server's handler like Middleware, but checks
// only the requests: the clients' side of the contract.
func (c *Checker) RequestMiddleware(h http.Handler, report func(error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := readAll(&r.Body)
		if err != nil {
			report(err)
		}
		if err := c.Check(r, body, nil, nil); err != nil {
			report(err)
		}
		h.ServeHTTP(w, r)
	})
}

// Transport wraps a client's transport: it checks every request the client
// sends and every response it receives, and passes each violation error to
// report. A nil base means http.DefaultTransport.
func (c *Checker) Transport(base http.RoundTripper, report func(error)) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return roundTripper(func(r *http.Request) (*http.Response, error) {
		sent := r.Clone(r.Context())
		reqBody, err := readAll(&sent.Body)
		if err != nil {
			return nil, err
		}
		resp, err := base.RoundTrip(sent)
		if err != nil {
			return resp, err
		}
		respBody, err := readAll(&resp.Body)
		if err != nil {
			return nil, err
		}
		if err := c.Check(r, reqBody, resp, respBody); err != nil {
			report(err)
		}
		return resp, nil
	})
}

// roundTripper adapts a function to http.RoundTripper.
type roundTripper func(*http.Request) (*http.Response, error)

// RoundTrip calls f.
func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// readAll reads *body to the end and replaces it with a fresh reader over
// the same bytes, so the next reader sees the whole body.
func readAll(body *io.ReadCloser) ([]byte, error) {
	if *body == nil || *body == http.NoBody {
		return nil, nil
	}
	data, err := io.ReadAll(*body)
	_ = (*body).Close()
	*body = io.NopCloser(bytes.NewReader(data))
	return data, err
}

// recorder holds a response: its status and body.
type recorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
	hijacked    bool
	body        bytes.Buffer
}

// WriteHeader records the first status.
func (r *recorder) WriteHeader(status int) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = status, true
	}
}

// Write keeps p for later.
func (r *recorder) Write(p []byte) (int, error) {
	r.wroteHeader = true
	return r.body.Write(p)
}

// Hijack hands over the connection when the underlying writer can, for
// handlers that drop connections on purpose.
func (r *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	hj, ok := r.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("the response writer cannot hijack the connection")
	}
	r.hijacked = true
	return hj.Hijack()
}
