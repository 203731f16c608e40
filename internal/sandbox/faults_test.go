package sandbox

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseFaults(t *testing.T) {
	t.Parallel()
	base := FaultSpec{Seed: 1, Latency: 100 * time.Millisecond, Timeout: time.Second, RetryAfter: 1}
	with := func(edit func(*FaultSpec)) FaultSpec { f := base; edit(&f); return f }
	tests := []struct {
		spec string
		want FaultSpec
	}{
		{"", base},
		{"seed=42,rate=0.3", with(func(f *FaultSpec) { f.Seed, f.Rate, f.Kinds = 42, 0.3, defaultKinds })},
		{"rate=1,kinds=reset+latency,latency=50ms,when=after", with(func(f *FaultSpec) {
			f.Rate, f.Kinds, f.Latency, f.Phase = 1, []FaultKind{FaultReset, FaultLatency}, 50*time.Millisecond, PhaseAfter
		})},
		{"delay=5ms, timeout=20ms, retry-after=0", with(func(f *FaultSpec) {
			f.Delay, f.Timeout, f.RetryAfter = 5*time.Millisecond, 20*time.Millisecond, 0
		})},
		{"route=POST /repos/{owner}/{repo}/git/refs:500@after*2,route=/rate_limit:ratelimit", with(func(f *FaultSpec) {
			f.Routes = []RouteFault{
				{Method: "POST", Path: "/repos/{owner}/{repo}/git/refs", Kind: FaultServerError, Phase: PhaseAfter, Count: 2},
				{Path: "/rate_limit", Kind: FaultPrimaryLimit},
			}
		})},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			t.Parallel()
			got, err := ParseFaults(tt.spec)
			if err != nil {
				t.Fatalf("ParseFaults(%q): %v", tt.spec, err)
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("ParseFaults(%q) (-got +want):\n%s", tt.spec, diff)
			}
		})
	}
}

func TestParseFaultsErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec string
		want string
	}{
		{"kinds=500+501", `unknown fault kind "501" (valid: 500, 502, 403, 429, ratelimit, forbidden, reset, timeout, latency)`},
		{"rate=1.5", `rate "1.5" is not a number from 0 to 1`},
		{"speed=3", `unknown key "speed" (keys: seed, rate, kinds, when`},
		{"rate", `item "rate" is not key=value`},
		{"when=later", `unknown phase "later" (valid: before, after, either)`},
		{"route=/x", `has no :KIND`},
		{"route=GET x:500", `path "x" does not start with /`},
		{"route=/x:500*0", `count "0" is not a positive number`},
		{"route=/x:boom", `unknown fault kind "boom" (valid: 500,`},
		{"retry-after=-1", `"-1" is not a whole number of seconds`},
		{"latency=fast", `latency: time: invalid duration`},
		{"seed=-1", `seed: "-1" is not a whole number`},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			t.Parallel()
			_, err := ParseFaults(tt.spec)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseFaults(%q) = %v, want an error containing %q", tt.spec, err, tt.want)
			}
		})
	}
}

// counter is the trivial handler faults are tested against: it counts the requests it served.
type counter struct{ served atomic.Int64 }

func (c *counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.served.Add(1)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	io.WriteString(w, `{"ok":true}`)
}

// faultServer serves a counter wrapped in the faults that spec says.
func faultServer(t *testing.T, spec string) (*httptest.Server, *counter) {
	t.Helper()
	f, err := ParseFaults(spec)
	if err != nil {
		t.Fatal(err)
	}
	c := &counter{}
	srv := httptest.NewServer(WithFaults(c, f))
	t.Cleanup(srv.Close)
	return srv, c
}

// outcome sends one request and describes what came back: the status, or "error".
func outcome(t *testing.T, srv *httptest.Server, method, path string) (string, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		return "error", nil, ""
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return "error", nil, ""
	}
	return fmt.Sprint(resp.StatusCode), resp.Header, string(body)
}

// outcomes sends n POSTs and lists what came back.
func outcomes(t *testing.T, spec string, n int) []string {
	t.Helper()
	srv, _ := faultServer(t, spec)
	var got []string
	for range n {
		status, _, _ := outcome(t, srv, "POST", "/repos/o/r/issues")
		got = append(got, status)
	}
	return got
}

func TestFaultsAreReproducible(t *testing.T) {
	t.Parallel()
	const spec = "seed=7,rate=0.3,kinds=500+502+403+429+reset+forbidden"
	first, again := outcomes(t, spec, 120), outcomes(t, spec, 120)
	if diff := cmp.Diff(first, again); diff != "" {
		t.Errorf("same seed, different faults (-first +again):\n%s", diff)
	}
	if other := outcomes(t, "seed=8,rate=0.3", 120); cmp.Equal(first, other) {
		t.Errorf("seeds 7 and 8 gave the same faults: %v", first)
	}
	failed := 0
	for _, o := range first {
		if o != "201" {
			failed++
		}
	}
	if failed < 20 || failed > 52 {
		t.Errorf("%d of 120 requests failed at rate 0.3, want about 36", failed)
	}
}

func TestFaultPhases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec       string
		wantStatus string
		wantServed int64
	}{
		{"route=POST /repos/{owner}/{repo}/issues:500@before", "500", 0},
		{"route=POST /repos/{owner}/{repo}/issues:500@after", "500", 1},
		{"route=POST /repos/{owner}/{repo}/issues:reset@before", "error", 0},
		{"route=POST /repos/{owner}/{repo}/issues:reset@after", "error", 1},
		{"route=POST /repos/{owner}/{repo}/issues:403@after", "403", 0},
		{"route=POST /repos/{owner}/{repo}/issues:ratelimit@after", "201", 1},
		{"route=POST /repos/{owner}/{repo}/issues:ratelimit", "403", 0},
		{"route=GET /repos/{owner}/{repo}/issues:500", "201", 1},
		{"route=/repos/{owner}/{rest...}:502@after", "502", 1},
		{"route=/repos/{owner}:502", "201", 1},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			t.Parallel()
			srv, c := faultServer(t, tt.spec)
			got, _, _ := outcome(t, srv, "POST", "/repos/o/r/issues")
			if got != tt.wantStatus {
				t.Errorf("status %s, want %s", got, tt.wantStatus)
			}
			if got := c.served.Load(); got != tt.wantServed {
				t.Errorf("handler served %d requests, want %d", got, tt.wantServed)
			}
		})
	}
}

func TestFaultResponses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind        string
		wantStatus  string
		wantHeaders map[string]string
		wantBody    string
	}{
		{"500", "500", map[string]string{"Content-Type": "application/json; charset=utf-8"}, `"Server Error"`},
		{"502", "502", map[string]string{"Content-Type": "text/html"}, "502 Bad Gateway"},
		{"403", "403", map[string]string{"Retry-After": "3"}, "secondary rate limit"},
		{"429", "429", map[string]string{"Retry-After": "3"}, "#about-secondary-rate-limits"},
		{"ratelimit", "403", map[string]string{"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "1700000003"}, "API rate limit exceeded"},
		{"ratelimit@after", "201", map[string]string{"X-Ratelimit-Remaining": "0", "X-Ratelimit-Reset": "1700000003"}, `{"ok":true}`},
		{"forbidden", "403", nil, "Resource not accessible by integration"},
		{"latency", "201", nil, `{"ok":true}`},
		{"timeout", "error", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			t.Parallel()
			f, err := ParseFaults("retry-after=3,timeout=10ms,latency=10ms,route=/x:" + tt.kind)
			if err != nil {
				t.Fatal(err)
			}
			f.Clock = func() time.Time { return time.Unix(1700000000, 0) }
			srv := httptest.NewServer(WithFaults(&counter{}, f))
			t.Cleanup(srv.Close)
			status, header, body := outcome(t, srv, "GET", "/x")
			if status != tt.wantStatus || !strings.Contains(body, tt.wantBody) {
				t.Errorf("got %s %q, want %s with %q", status, body, tt.wantStatus, tt.wantBody)
			}
			for k, want := range tt.wantHeaders {
				if got := header.Get(k); got != want {
					t.Errorf("header %s = %q, want %q", k, got, want)
				}
			}
		})
	}
}

func TestFaultRouteCountAndTiming(t *testing.T) {
	t.Parallel()
	srv, c := faultServer(t, "delay=20ms,route=POST /x:500@before*2")
	start := time.Now()
	var got []string
	for range 3 {
		status, _, _ := outcome(t, srv, "POST", "/x")
		got = append(got, status)
	}
	if diff := cmp.Diff(got, []string{"500", "500", "201"}); diff != "" {
		t.Errorf("statuses (-got +want):\n%s", diff)
	}
	if c.served.Load() != 1 {
		t.Errorf("handler served %d requests, want 1", c.served.Load())
	}
	if elapsed := time.Since(start); elapsed < 60*time.Millisecond {
		t.Errorf("3 requests with delay=20ms took %v, want at least 60ms", elapsed)
	}
}

func TestFaultObserved(t *testing.T) {
	t.Parallel()
	f, err := ParseFaults("route=GET /a:429,route=/b/{id}:500@after")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var got []Fault
	f.OnFault = func(x Fault) { mu.Lock(); got = append(got, x); mu.Unlock() }
	srv := httptest.NewServer(WithFaults(&counter{}, f))
	t.Cleanup(srv.Close)
	for _, p := range []string{"/a", "/c", "/b/7"} {
		outcome(t, srv, "GET", p)
	}
	mu.Lock()
	defer mu.Unlock()
	want := []Fault{
		{N: 0, Method: "GET", Path: "/a", Kind: FaultTooMany, Phase: PhaseBefore},
		{N: 2, Method: "GET", Path: "/b/7", Kind: FaultServerError, Phase: PhaseAfter},
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("faults (-got +want):\n%s", diff)
	}
}
