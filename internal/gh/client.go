package gh

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"golang.org/x/oauth2"
)

// DefaultAPIURL is GitHub.com's REST API, used when Options.APIURL is empty.
const DefaultAPIURL = "https://api.github.com/"

// Options configures New. Only Token is usually set; the rest have defaults that suit an action.
type Options struct {
	// Token authenticates every request; without one, requests are anonymous.
	Token string
	// APIURL is GITHUB_API_URL: GitHub.com, a GitHub Enterprise Server's /api/v3, or a sandbox.
	APIURL string
	// UserAgent names the toolkit, such as "incident-hotfix/v1.2.3"; "incident-hotfix" when empty.
	UserAgent string
	// Timeout bounds each attempt of a request, reading the response included; 30s when zero.
	Timeout time.Duration
	// MaxRetries bounds the retries after the first attempt; 5 when zero, none when negative.
	MaxRetries int
	// MaxWait is the longest the client waits out a rate limit; 2 minutes when zero. A longer
	// limit is returned as a RateLimited error.
	MaxWait time.Duration
	// Sleep waits between attempts; tests inject one that records the waits and returns at once.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now reads the clock for x-ratelimit-reset; time.Now when nil.
	Now func() time.Time
	// Logf receives a line for each retry and wait; the token never appears in it.
	Logf func(format string, args ...any)
	// Transport sends the requests; http.DefaultTransport when nil.
	Transport http.RoundTripper
}

// New returns a go-github client for opts. Its BaseURL is opts.APIURL with a trailing slash, set
// directly: go-github's WithEnterpriseURLs would append api/v3/, which GITHUB_API_URL already has.
func New(ctx context.Context, opts Options) (*github.Client, error) {
	base, err := apiURL(opts.APIURL)
	if err != nil {
		return nil, err
	}
	if strings.ContainsFunc(opts.Token, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return nil, fmt.Errorf("github token has spaces or control characters; check how it was passed")
	}
	opts = withDefaults(opts)
	httpClient := &http.Client{Transport: &transport{base: opts.Transport, opts: opts}}
	if opts.Token != "" {
		ctx = context.WithValue(ctx, oauth2.HTTPClient, httpClient)
		httpClient = oauth2.NewClient(ctx, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: opts.Token}))
	}
	c := github.NewClient(httpClient)
	c.BaseURL = base
	c.UserAgent = opts.UserAgent
	return c, nil
}

// apiURL parses GITHUB_API_URL, adding the trailing slash go-github needs.
func apiURL(s string) (*url.URL, error) {
	if s == "" {
		s = DefaultAPIURL
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("github api url %q is not an http or https url", redactURL(s))
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// redactURL hides a password that a URL may carry.
func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		return u.Redacted()
	}
	return "(unparsable)"
}

// withDefaults fills in the options left zero, and keeps the token out of every log line.
func withDefaults(o Options) Options {
	if o.UserAgent == "" {
		o.UserAgent = "incident-hotfix"
	}
	if o.Timeout == 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 5
	}
	if o.MaxWait == 0 {
		o.MaxWait = 2 * time.Minute
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	o.Logf = redactedLogf(o.Logf, o.Token)
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
	return o
}

// redactedLogf wraps logf so that the token, should it ever be formatted, shows as "***".
func redactedLogf(logf func(string, ...any), token string) func(string, ...any) {
	if logf == nil {
		return func(string, ...any) {}
	}
	return func(format string, args ...any) {
		line := fmt.Sprintf(format, args...)
		if token != "" {
			line = strings.ReplaceAll(line, token, "***")
		}
		logf("%s", line)
	}
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
