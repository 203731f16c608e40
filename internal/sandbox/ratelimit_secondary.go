package sandbox

import (
	"net/http"
	"strconv"
	"time"
)

// GitHub's secondary limits on content-creating requests: at most 80 a minute and 500 an hour.
// https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
var secondaryLimits = []struct {
	per   time.Duration
	limit int
}{{time.Minute, 80}, {time.Hour, 500}}

// createsContent reports whether a request of method counts toward the secondary limit.
func createsContent(method string) bool {
	return method == http.MethodPost || method == http.MethodPatch || method == http.MethodPut || method == http.MethodDelete
}

// refusal is how to answer a request that a spent budget refuses, or nil to serve it. It is
// called with the budgets locked; rw is the token's primary window at now.
func (s *Server) refusal(token string, rw rateWindow, r *http.Request, now time.Time) func(http.ResponseWriter) {
	if r.URL.Path == "/rate_limit" {
		return nil
	}
	if rw.used >= rw.limit {
		msg := "API rate limit exceeded for " + r.RemoteAddr + "."
		if login, ok := s.login(r.Header.Get("Authorization")); ok {
			msg = "API rate limit exceeded for user ID " + strconv.FormatInt(userID(login.Login), 10) + "."
		} else if token == "" {
			msg = "API rate limit exceeded for " + r.RemoteAddr + ". (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)"
		}
		return func(w http.ResponseWriter) {
			writeError(w, &apiError{Status: http.StatusForbidden, Message: msg, DocURL: primaryDoc})
		}
	}
	if !createsContent(r.Method) || s.opts.NoSecondaryLimit {
		return nil
	}
	wait := s.secondaryWait(token, now)
	if wait <= 0 {
		return nil
	}
	return func(w http.ResponseWriter) {
		w.Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
		writeError(w, &apiError{Status: http.StatusForbidden, DocURL: secondaryDoc,
			Message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."})
	}
}

// secondaryWait is how long token must wait before its next content-creating request is allowed,
// or 0 when it may go now. Writes older than the longest window are forgotten.
func (s *Server) secondaryWait(token string, now time.Time) time.Duration {
	writes := s.budgets.writes[token]
	for len(writes) > 0 && now.Sub(writes[0]) >= time.Hour {
		writes = writes[1:]
	}
	s.budgets.writes[token] = writes
	var wait time.Duration
	for _, l := range secondaryLimits {
		recent := writes
		for len(recent) > 0 && now.Sub(recent[0]) >= l.per {
			recent = recent[1:]
		}
		if len(recent) >= l.limit {
			wait = max(wait, recent[len(recent)-l.limit].Add(l.per).Sub(now))
		}
	}
	return wait
}
