package sandbox

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// FaultKind names one way a request can go wrong, as GitHub's requests really do.
type FaultKind string

// The fault kinds. Rate-limit refusals, forbidden and latency always strike before the handler
// runs: GitHub refuses those requests without processing them. The one exception is ratelimit
// asked for @after: the request is served, and its response says the limit is now spent.
const (
	FaultServerError  FaultKind = "500"       // 500 with GitHub's "Server Error" body
	FaultBadGateway   FaultKind = "502"       // 502 with an HTML body, as GitHub's proxy sends
	FaultSecondary    FaultKind = "403"       // 403 secondary rate limit with retry-after
	FaultTooMany      FaultKind = "429"       // 429 secondary rate limit with retry-after
	FaultPrimaryLimit FaultKind = "ratelimit" // 403 with x-ratelimit-remaining 0; @after: served, limit spent
	FaultForbidden    FaultKind = "forbidden" // 403 "Resource not accessible by integration"
	FaultReset        FaultKind = "reset"     // the connection is closed without a response
	FaultTimeout      FaultKind = "timeout"   // the request is held for FaultSpec.Timeout, then reset
	FaultLatency      FaultKind = "latency"   // the request is delayed by FaultSpec.Latency, then served
)

// faultKinds lists every kind in the order error messages show them.
var faultKinds = []FaultKind{FaultServerError, FaultBadGateway, FaultSecondary, FaultTooMany,
	FaultPrimaryLimit, FaultForbidden, FaultReset, FaultTimeout, FaultLatency}

// defaultKinds are the random kinds when a spec sets a rate but no kinds: the transient ones that
// cost no waiting.
var defaultKinds = []FaultKind{FaultServerError, FaultBadGateway, FaultSecondary, FaultTooMany, FaultReset}

// Phase says when a fault strikes relative to the wrapped handler.
type Phase string

// The phases. After means the handler ran, so its write happened, but the response is lost.
const (
	PhaseEither Phase = ""       // chosen per request, at random
	PhaseBefore Phase = "before" // the request never reaches the handler
	PhaseAfter  Phase = "after"  // the handler runs, then its response is replaced or dropped
)

// RouteFault injects one kind of fault into the requests that match a route.
type RouteFault struct {
	Method string    // the HTTP method, or empty for any
	Path   string    // a ServeMux-style path: {name} matches a segment, {name...} the rest
	Kind   FaultKind // the fault to inject
	Phase  Phase     // when it strikes
	Count  int       // how many of the matching requests it hits, the first ones; 0 means all
}

// FaultSpec says which requests fail and how. The decision for the Nth request depends only on
// Seed, N and the spec, so a failing run can be replayed exactly.
//
// The text form, read by ParseFaults, is a comma-separated list of key=value items:
//
//	seed=42                    the random seed (default 1)
//	rate=0.3                   the fraction of requests that get a random fault
//	kinds=500+502+403+429+reset  the random kinds (default 500+502+403+429+reset)
//	when=before|after|either   when random faults strike (default either)
//	latency=50ms               how long the latency kind delays a request (default 100ms)
//	delay=50ms                 a delay added to every request
//	timeout=1s                 how long the timeout kind holds a request before the reset (default 1s)
//	retry-after=1              the seconds in retry-after and x-ratelimit-reset (default 1)
//	route=POST /repos/{owner}/{repo}/git/refs:500@after*1
//	                           a fault for a route: [METHOD ]PATH:KIND[@PHASE][*COUNT]; repeatable
type FaultSpec struct {
	Seed       uint64
	Rate       float64
	Kinds      []FaultKind
	Phase      Phase
	Latency    time.Duration
	Delay      time.Duration
	Timeout    time.Duration
	RetryAfter int // seconds
	Routes     []RouteFault
	Clock      func() time.Time // for x-ratelimit-reset; time.Now when nil
	OnFault    func(Fault)      // called for every injected fault, when set
}

// Fault describes one injected fault, for logs and tests.
type Fault struct {
	N      uint64 // the request's position, from 0
	Method string
	Path   string
	Kind   FaultKind
	Phase  Phase
}

// Enabled reports whether the spec injects anything at all.
func (f FaultSpec) Enabled() bool {
	return f.Rate > 0 || len(f.Routes) > 0 || f.Delay > 0
}

// faultKeys lists the keys of the text form, for error messages.
const faultKeys = "seed, rate, kinds, when, latency, delay, timeout, retry-after, route"

// ParseFaults reads the text form of a FaultSpec (see FaultSpec). An empty string injects nothing.
func ParseFaults(spec string) (FaultSpec, error) {
	f := FaultSpec{Seed: 1, Latency: 100 * time.Millisecond, Timeout: time.Second, RetryAfter: 1}
	for item := range strings.SplitSeq(spec, ",") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		if err := f.set(item); err != nil {
			return FaultSpec{}, fmt.Errorf("fault spec %q: %w", spec, err)
		}
	}
	if f.Rate > 0 && len(f.Kinds) == 0 {
		f.Kinds = defaultKinds
	}
	return f, nil
}

// set applies one key=value item of the text form.
func (f *FaultSpec) set(item string) error {
	key, value, ok := strings.Cut(strings.TrimSpace(item), "=")
	if !ok {
		return fmt.Errorf("item %q is not key=value (keys: %s)", item, faultKeys)
	}
	var err error
	switch key {
	case "seed":
		if f.Seed, err = strconv.ParseUint(value, 10, 64); err != nil {
			err = fmt.Errorf("%q is not a whole number", value)
		}
	case "rate":
		f.Rate, err = parseRate(value)
	case "kinds":
		f.Kinds, err = parseKinds(value)
	case "when":
		f.Phase, err = parsePhase(value)
	case "latency":
		f.Latency, err = time.ParseDuration(value)
	case "delay":
		f.Delay, err = time.ParseDuration(value)
	case "timeout":
		f.Timeout, err = time.ParseDuration(value)
	case "retry-after":
		f.RetryAfter, err = parseSeconds(value)
	case "route":
		err = f.addRoute(value)
	default:
		return fmt.Errorf("unknown key %q (keys: %s)", key, faultKeys)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	return nil
}

// parseRate reads a fraction between 0 and 1.
func parseRate(s string) (float64, error) {
	r, err := strconv.ParseFloat(s, 64)
	if err != nil || r < 0 || r > 1 {
		return 0, fmt.Errorf("rate %q is not a number from 0 to 1", s)
	}
	return r, nil
}

// parseSeconds reads a whole, non-negative number of seconds.
func parseSeconds(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a whole number of seconds", s)
	}
	return n, nil
}

// parseKinds reads kinds joined by "+".
func parseKinds(s string) ([]FaultKind, error) {
	var kinds []FaultKind
	for name := range strings.SplitSeq(s, "+") {
		k, err := parseKind(name)
		if err != nil {
			return nil, err
		}
		kinds = append(kinds, k)
	}
	return kinds, nil
}

// parseKind reads one kind, listing the valid ones when it is unknown.
func parseKind(s string) (FaultKind, error) {
	for _, k := range faultKinds {
		if string(k) == s {
			return k, nil
		}
	}
	names := make([]string, len(faultKinds))
	for i, k := range faultKinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("unknown fault kind %q (valid: %s)", s, strings.Join(names, ", "))
}

// parsePhase reads before, after or either.
func parsePhase(s string) (Phase, error) {
	switch Phase(s) {
	case PhaseBefore, PhaseAfter:
		return Phase(s), nil
	case "either":
		return PhaseEither, nil
	}
	return "", fmt.Errorf("unknown phase %q (valid: before, after, either)", s)
}

// addRoute reads [METHOD ]PATH:KIND[@PHASE][*COUNT].
func (f *FaultSpec) addRoute(s string) error {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return fmt.Errorf("route %q has no :KIND (form: [METHOD ]PATH:KIND[@PHASE][*COUNT])", s)
	}
	rf := RouteFault{Path: strings.TrimSpace(s[:i])}
	if method, path, ok := strings.Cut(rf.Path, " "); ok {
		rf.Method, rf.Path = method, strings.TrimSpace(path)
	}
	if !strings.HasPrefix(rf.Path, "/") {
		return fmt.Errorf("route %q: path %q does not start with /", s, rf.Path)
	}
	rest, count, hasCount := strings.Cut(s[i+1:], "*")
	kind, phase, hasPhase := strings.Cut(rest, "@")
	var err error
	if rf.Kind, err = parseKind(kind); err != nil {
		return fmt.Errorf("route %q: %w", s, err)
	}
	if hasPhase {
		if rf.Phase, err = parsePhase(phase); err != nil {
			return fmt.Errorf("route %q: %w", s, err)
		}
	}
	if hasCount {
		if rf.Count, err = strconv.Atoi(count); err != nil || rf.Count < 1 {
			return fmt.Errorf("route %q: count %q is not a positive number", s, count)
		}
	}
	f.Routes = append(f.Routes, rf)
	return nil
}
