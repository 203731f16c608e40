package gh

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/google/go-github/v60/github"
)

// ErrorKind is what an API error means for the caller: the branch to take.
type ErrorKind int

// The kinds of error. Uncertain is a write whose outcome is unknown: read the object back before
// writing again (Ensure does that).
const (
	None         ErrorKind = iota // no error
	Other                         // not an API error, or one with no kind below
	NotFound                      // 404: missing, or the token can't see it
	Unauthorized                  // 401: the token is missing, wrong or expired
	Forbidden                     // 403: the token lacks a permission
	Conflict                      // 409: the repository's state forbids it, such as a merge conflict
	Validation                    // 422: invalid input, or the object already exists
	RateLimited                   // 403/429 rate limits that outlasted the client's patience
	Unavailable                   // a read that kept failing: 5xx or broken connections
	Uncertain                     // a write that may or may not have happened
)

var kindNames = [...]string{"none", "other", "not found", "unauthorized", "forbidden", "conflict",
	"validation", "rate limited", "unavailable", "uncertain"}

// String names the kind.
func (k ErrorKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("ErrorKind(%d)", int(k))
	}
	return kindNames[k]
}

// UncertainWriteError is a write that was sent but whose response was lost: the connection broke
// or timed out, so GitHub may or may not have acted on it.
type UncertainWriteError struct {
	Method, Path string
	Err          error
}

// Error says what happened and what to do.
func (e *UncertainWriteError) Error() string {
	return fmt.Sprintf("%s %s: outcome unknown, read it back before writing again: %v", e.Method, e.Path, e.Err)
}

// Unwrap returns the connection error.
func (e *UncertainWriteError) Unwrap() error { return e.Err }

// Kind classifies err. It looks through wrapping, so it works on go-github's errors as returned
// and on errors that callers wrapped with %w.
func Kind(err error) ErrorKind {
	var uncertain *UncertainWriteError
	var primary *github.RateLimitError
	var secondary *github.AbuseRateLimitError
	var resp *github.ErrorResponse
	switch {
	case err == nil:
		return None
	case errors.As(err, &uncertain):
		return Uncertain
	case errors.As(err, &primary), errors.As(err, &secondary):
		return RateLimited
	case errors.As(err, &resp) && resp.Response != nil:
		return statusKind(resp.Response)
	case errors.As(err, new(*url.Error)):
		return Unavailable // go-github returns the context's error instead when it is done
	}
	return Other
}

// statusKind classifies an error response by its status and its request's method.
func statusKind(r *http.Response) ErrorKind {
	switch code := r.StatusCode; {
	case code == http.StatusNotFound:
		return NotFound
	case code == http.StatusUnauthorized:
		return Unauthorized
	case code == http.StatusForbidden:
		return Forbidden
	case code == http.StatusConflict:
		return Conflict
	case code == http.StatusUnprocessableEntity:
		return Validation
	case code == http.StatusTooManyRequests:
		return RateLimited
	case code >= 500 && r.Request != nil && !isRead(r.Request.Method):
		return Uncertain
	case code >= 500:
		return Unavailable
	}
	return Other
}
