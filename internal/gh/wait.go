package gh

import (
	"bytes"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// secondaryWait is how long to wait after a secondary rate limit that names no time: GitHub asks
// for at least a minute. See
// https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit
const secondaryWait = time.Minute

// rateLimitWait reports whether resp is a rate-limit refusal, and how long GitHub asks to wait:
// retry-after first, then x-ratelimit-reset when x-ratelimit-remaining is 0, then a minute.
func rateLimitWait(resp *http.Response, now time.Time) (time.Duration, bool) {
	if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests {
		return 0, false
	}
	if wait, ok := retryAfter(resp.Header, now); ok {
		return wait, true
	}
	if resp.Header.Get("X-Ratelimit-Remaining") == "0" {
		if wait, ok := resetWait(resp.Header, now); ok {
			return wait, true
		}
	}
	if resp.StatusCode == http.StatusTooManyRequests || mentionsRateLimit(resp) {
		return secondaryWait, true
	}
	return 0, false
}

// retryAfter reads retry-after, in seconds or as an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second, true
	}
	if when, err := http.ParseTime(v); err == nil {
		return max(when.Sub(now), 0), true
	}
	return 0, false
}

// resetWait reads x-ratelimit-reset, in epoch seconds, as the time left until then.
func resetWait(h http.Header, now time.Time) (time.Duration, bool) {
	secs, err := strconv.ParseInt(h.Get("X-Ratelimit-Reset"), 10, 64)
	if err != nil {
		return 0, false
	}
	return max(time.Unix(secs, 0).Sub(now), 0), true
}

// mentionsRateLimit reports whether a 403's body is about a rate limit, not a permission.
func mentionsRateLimit(resp *http.Response) bool {
	body, err := peekBody(resp)
	return err == nil && strings.Contains(strings.ToLower(string(body)), "rate limit")
}

// backoff is the wait before retry number try: exponential from half a second, capped at 20s,
// with full jitter over its upper half so that clients do not retry in step.
func backoff(try int) time.Duration {
	d := min(500*time.Millisecond<<min(try-1, 10), 20*time.Second)
	return d/2 + rand.N(d/2+1)
}

// peekBody reads a buffered response body and puts it back for the next reader.
func peekBody(resp *http.Response) ([]byte, error) {
	body, err := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return body, err
}
