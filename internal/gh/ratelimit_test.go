package gh

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

// past is a fixed clock in the past: the faults' x-ratelimit-reset stays behind the wall clock,
// so go-github's own check lets the next request through while the waits are exact.
var past = time.Unix(1_600_000_000, 0)

func TestSpentLimitIsWaitedOut(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "retry-after=9,route=GET /repos/{owner}/{repo}:ratelimit@after*1",
		func(s *sandbox.FaultSpec) { s.Clock = func() time.Time { return past } })
	f.srv.ResetRequests()
	c := f.client(t, func(o *Options) { o.Now = func() time.Time { return past } })
	for range 2 {
		if _, _, err := c.Repositories.Get(t.Context(), "acme", "shop"); err != nil {
			t.Fatalf("get repository: %v", err)
		}
	}
	if diff := cmp.Diff(f.sleeps.get(), []time.Duration{9 * time.Second}); diff != "" {
		t.Errorf("waits (-got +want):\n%s", diff)
	}
	if got := f.routeCount(getRepo); got != 2 {
		t.Errorf("sandbox served %d requests, want 2", got)
	}
}

// TestSecondaryLimitRequestCount checks, through the sandbox's request log, that refusals cost
// one attempt each and that the refused requests never reached the API.
func TestSecondaryLimitRequestCount(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "retry-after=1,route=GET /repos/{owner}/{repo}/git/ref/{ref...}:403*3")
	f.srv.ResetRequests()
	c := f.client(t)
	ref, _, err := c.Git.GetRef(t.Context(), "acme", "shop", "heads/main")
	if err != nil || ref.GetObject().GetSHA() != f.main {
		t.Fatalf("get main: %v, %+v", err, ref)
	}
	if got, want := f.srv.Requests(), map[string]int{getRef: 1}; !cmp.Equal(got, want) {
		t.Errorf("sandbox requests %v, want %v", got, want)
	}
	if got := len(f.faults.get()); got != 3 {
		t.Errorf("%d refusals, want 3", got)
	}
	if diff := cmp.Diff(f.sleeps.get(), []time.Duration{time.Second, time.Second, time.Second}); diff != "" {
		t.Errorf("waits (-got +want):\n%s", diff)
	}
	logs := f.logs.get()
	if len(logs) != 3 || !strings.Contains(logs[0], "GET /repos/acme/shop/git/ref/heads/main: 403 Forbidden; retry 1 of 5 in 1s") {
		t.Errorf("retry log:\n%s", strings.Join(logs, "\n"))
	}
}

func TestLogNeverShowsTheToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		redact bool
		want   string
	}{
		{"redacted", true, "header Bearer ***"},
		{"unprotected", false, "header Bearer " + testToken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got string
			logf := func(format string, args ...any) { got = fmt.Sprintf(format, args...) }
			if tt.redact {
				logf = withDefaults(Options{Token: testToken, Logf: logf}).Logf
			}
			logf("header %s", "Bearer "+testToken)
			if got != tt.want {
				t.Errorf("logged %q, want %q", got, tt.want)
			}
		})
	}
}
