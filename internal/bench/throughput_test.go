package bench

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// served starts h on a loopback port and returns a go-github client for it, made by the
// toolkit's own constructor.
func served(b *testing.B, h http.Handler) *github.Client {
	b.Helper()
	hs := httptest.NewServer(h)
	b.Cleanup(hs.Close)
	c, err := gh.New(ctx, gh.Options{Token: sandboxtest.Token, APIURL: hs.URL + "/", Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// rawSandbox is the sandbox's own handler, without the contract check that tests add. Its clock
// moves a second on every reading, so that the primary rate limit (5,000 requests an hour,
// which the sandbox enforces as GitHub does) resets before a long run reaches it; the secondary
// limit on writes (500 an hour) is lifted, since a second a request would still reach it.
func rawSandbox(b *testing.B) *github.Client {
	b.Helper()
	var ticks atomic.Int64
	start := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	clock := func() time.Time { return start.Add(time.Duration(ticks.Add(1)) * time.Second) }
	srv, err := sandbox.New(sandbox.Options{Dir: filepath.Join(b.TempDir(), "shop.git"), Owner: sandboxtest.Owner, Name: sandboxtest.Name,
		Token: sandboxtest.Token, Clock: clock, NoSecondaryLimit: true})
	if err != nil {
		b.Fatal(err)
	}
	return served(b, srv.Handler())
}

// echo is the baseline server: it answers every request with an empty JSON object.
var echo = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte("{}"))
})

// BenchmarkSandboxRequests makes requests one after another through go-github, as the toolkit
// does: GET an issue, and POST a comment to it. Each op is one request to the sandbox and, in
// turn in the same loop, the same request to a server that only answers {} (the baseline: the
// cost of HTTP on loopback and of the client). It reports both rates and their ratio.
func BenchmarkSandboxRequests(b *testing.B) {
	body := "a comment"
	requests := map[string]func(*github.Client) error{
		"GET-issue": func(c *github.Client) error {
			_, _, err := c.Issues.Get(ctx, sandboxtest.Owner, sandboxtest.Name, 1)
			return err
		},
		"POST-comment": func(c *github.Client) error {
			_, _, err := c.Issues.CreateComment(ctx, sandboxtest.Owner, sandboxtest.Name, 1, &github.IssueComment{Body: &body})
			return err
		},
	}
	for _, name := range []string{"GET-issue", "POST-comment"} {
		b.Run(name, func(b *testing.B) {
			sb, base := rawSandbox(b), served(b, echo)
			issueFor(b, sb)
			var took [2]time.Duration
			for n := 0; b.Loop(); n++ {
				for k := range 2 {
					i := (k + n) % 2
					c := [2]*github.Client{sb, base}[i]
					start := time.Now()
					if err := requests[name](c); err != nil {
						b.Fatal(err)
					}
					took[i] += time.Since(start)
				}
			}
			b.ReportMetric(float64(b.N)/took[0].Seconds(), "sandbox-req/s")
			b.ReportMetric(float64(b.N)/took[1].Seconds(), "baseline-req/s")
			b.ReportMetric(float64(took[0])/float64(took[1]), "x-baseline-time")
		})
	}
}

// issueFor opens issue #1.
func issueFor(b *testing.B, c *github.Client) {
	b.Helper()
	if _, _, err := c.Issues.Create(ctx, sandboxtest.Owner, sandboxtest.Name, &github.IssueRequest{Title: github.String("Checkout fails")}); err != nil {
		b.Fatal(err)
	}
}
