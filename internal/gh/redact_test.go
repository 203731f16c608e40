package gh

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// leakToken is the token these tests must never see printed.
const leakToken = "ghs_RedactMe0123456789abcdefABCDEF"

// echoProxy fails every request with an error that repeats its Authorization header, as a
// careless proxy might.
type echoProxy struct{}

func (echoProxy) RoundTrip(req *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("proxy refused %s with %q", req.URL.Path, req.Header.Get("Authorization"))
}

// logLines collects Logf lines.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

// tokenSeen is the detector: where the token shows in the log lines or the error.
func tokenSeen(l *logLines, err error) []string {
	var out []string
	for _, line := range l.lines {
		if strings.Contains(line, leakToken) {
			out = append(out, "log: "+line)
		}
	}
	if err != nil && strings.Contains(err.Error(), leakToken) {
		out = append(out, "error: "+err.Error())
	}
	return out
}

// readThrough sends a GET with the token through tr, as the client would.
func readThrough(tr http.RoundTripper) error {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://127.0.0.1:1/repos/acme/shop", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+leakToken)
	resp, err := tr.RoundTrip(req)
	if resp != nil {
		resp.Body.Close()
	}
	return err
}

func noWait(context.Context, time.Duration) error { return nil }

// TestTokenRedacted: through the client's own transport, a failing proxy that echoes the token
// leaves it in no retry line and no error.
func TestTokenRedacted(t *testing.T) {
	t.Parallel()
	var l logLines
	opts := withDefaults(Options{Token: leakToken, Logf: l.logf, Sleep: noWait, Transport: echoProxy{}, MaxRetries: 2})
	err := readThrough(&transport{base: opts.Transport, opts: opts})
	if err == nil || len(l.lines) != 2 {
		t.Fatalf("err %v, %d log lines; want a failure after 2 logged retries", err, len(l.lines))
	}
	if seen := tokenSeen(&l, err); len(seen) > 0 {
		t.Errorf("the token shows: %v", seen)
	}
	if !strings.Contains(err.Error(), "***") {
		t.Errorf("error %q does not show where the token was hidden", err)
	}
}

// TestTokenSeenWithoutRedaction builds the unsafe variant directly, a transport that neither
// knows the token nor redacts its log, and shows that the detector above then fires: the
// protection, not luck, keeps the token out.
func TestTokenSeenWithoutRedaction(t *testing.T) {
	t.Parallel()
	var l logLines
	opts := withDefaults(Options{Sleep: noWait, Transport: echoProxy{}, MaxRetries: 2})
	opts.Logf = l.logf // no redactedLogf
	err := readThrough(&transport{base: opts.Transport, opts: opts})
	seen := tokenSeen(&l, err)
	if len(seen) != 3 { // both retry lines and the error
		t.Errorf("without redaction the detector saw %d leaks, want 3: %v", len(seen), seen)
	}
	var re *redactedError
	if errors.As(err, &re) {
		t.Error("the unsafe variant redacted anyway")
	}
}
