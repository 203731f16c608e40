package gh

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

const (
	getRepo   = "GET /repos/{owner}/{repo}"
	getRef    = "GET /repos/{owner}/{repo}/git/ref/{ref...}"
	createRef = "POST /repos/{owner}/{repo}/git/refs"
)

func TestReadRetries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		faults     string
		wantSleeps []time.Duration // nil: only count them
		wantCount  int
		wantServed int
	}{
		{"secondary rate limit waits retry-after", "retry-after=1,route=GET /repos/{owner}/{repo}:403*2",
			[]time.Duration{time.Second, time.Second}, 2, 1},
		{"429 waits retry-after", "retry-after=3,route=GET /repos/{owner}/{repo}:429*1",
			[]time.Duration{3 * time.Second}, 1, 1},
		{"retry-after 0 waits nothing", "retry-after=0,route=GET /repos/{owner}/{repo}:429*1",
			[]time.Duration{0}, 1, 1},
		{"primary rate limit waits for the reset", "retry-after=7,route=GET /repos/{owner}/{repo}:ratelimit*1",
			[]time.Duration{7 * time.Second}, 1, 1},
		{"500 after the handler is retried", "route=GET /repos/{owner}/{repo}:500@after*2", nil, 2, 3},
		{"502 before the handler is retried", "route=GET /repos/{owner}/{repo}:502@before*3", nil, 3, 1},
		{"a reset is retried", "route=GET /repos/{owner}/{repo}:reset@before*2", nil, 2, 1},
		{"a timeout is retried", "timeout=10ms,route=GET /repos/{owner}/{repo}:timeout@after*1", nil, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			now := time.Unix(1_800_000_000, 0)
			f := newFixture(t, tt.faults, func(s *sandbox.FaultSpec) { s.Clock = func() time.Time { return now } })
			f.srv.ResetRequests()
			c := f.client(t, func(o *Options) { o.Now = func() time.Time { return now } })
			repo, _, err := c.Repositories.Get(t.Context(), "acme", "shop")
			if err != nil || repo.GetFullName() != "acme/shop" {
				t.Fatalf("get repository: %v, %q", err, repo.GetFullName())
			}
			sleeps := f.sleeps.get()
			if tt.wantSleeps != nil {
				if diff := cmp.Diff(sleeps, tt.wantSleeps); diff != "" {
					t.Errorf("waits (-got +want):\n%s", diff)
				}
			}
			if len(sleeps) != tt.wantCount {
				t.Errorf("%d waits %v, want %d", len(sleeps), sleeps, tt.wantCount)
			}
			if got := f.routeCount(getRepo); got != tt.wantServed {
				t.Errorf("sandbox served %d requests for the repository, want %d", got, tt.wantServed)
			}
		})
	}
}

func TestWriteNeverRepeatedBlindly(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		faults     string
		wantKind   ErrorKind
		wantServed int
		wantRef    bool
	}{
		{"500 after the write", "route=POST /repos/{owner}/{repo}/git/refs:500@after", Uncertain, 1, true},
		{"502 after the write", "route=POST /repos/{owner}/{repo}/git/refs:502@after", Uncertain, 1, true},
		{"reset after the write", "route=POST /repos/{owner}/{repo}/git/refs:reset@after", Uncertain, 1, true},
		{"reset before the write", "route=POST /repos/{owner}/{repo}/git/refs:reset@before", Uncertain, 0, false},
		{"500 before the write", "route=POST /repos/{owner}/{repo}/git/refs:500@before", Uncertain, 0, false},
		{"timeout after the write", "timeout=10ms,route=POST /repos/{owner}/{repo}/git/refs:timeout@after", Uncertain, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, tt.faults)
			f.srv.ResetRequests()
			ref := &github.Reference{Ref: github.String("refs/heads/fix"), Object: &github.GitObject{SHA: github.String(f.main)}}
			_, _, err := f.client(t).Git.CreateRef(t.Context(), "acme", "shop", ref)
			if got := Kind(err); got != tt.wantKind {
				t.Errorf("Kind(%v) = %v, want %v", err, got, tt.wantKind)
			}
			if got := f.routeCount(createRef); got != tt.wantServed {
				t.Errorf("sandbox served %d creates, want %d", got, tt.wantServed)
			}
			if n := len(f.sleeps.get()); n != 0 {
				t.Errorf("the client waited %d times to repeat a write, want none", n)
			}
			_, _, err = f.direct.Git.GetRef(t.Context(), "acme", "shop", "heads/fix")
			if got := err == nil; got != tt.wantRef {
				t.Errorf("ref exists: %v (%v), want %v", got, err, tt.wantRef)
			}
		})
	}
}

func TestRefusedWriteIsRetried(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "retry-after=2,route=POST /repos/{owner}/{repo}/git/refs:403*1,route=POST /repos/{owner}/{repo}/git/refs:429*1")
	f.srv.ResetRequests()
	ref := &github.Reference{Ref: github.String("refs/heads/fix"), Object: &github.GitObject{SHA: github.String(f.main)}}
	got, _, err := f.client(t).Git.CreateRef(t.Context(), "acme", "shop", ref)
	if err != nil {
		t.Fatalf("create ref after two refusals: %v", err)
	}
	if got.GetObject().GetSHA() != f.main {
		t.Errorf("ref points at %s, want %s", got.GetObject().GetSHA(), f.main)
	}
	if diff := cmp.Diff(f.sleeps.get(), []time.Duration{2 * time.Second, 2 * time.Second}); diff != "" {
		t.Errorf("waits (-got +want):\n%s", diff)
	}
	if n := f.routeCount(createRef); n != 1 {
		t.Errorf("sandbox served %d creates, want 1", n)
	}
}

func TestRateLimitBeyondMaxWait(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "retry-after=600,route=GET /repos/{owner}/{repo}:403")
	c := f.client(t, func(o *Options) { o.MaxWait = time.Minute })
	_, _, err := c.Repositories.Get(t.Context(), "acme", "shop")
	var abuse *github.AbuseRateLimitError
	if !errors.As(err, &abuse) || Kind(err) != RateLimited {
		t.Errorf("get repository: %v (%v), want a secondary rate limit error", err, Kind(err))
	}
	if n := len(f.sleeps.get()); n != 0 {
		t.Errorf("waited %d times for a 10-minute limit with MaxWait 1m, want none", n)
	}
}

func TestRetriesAreBounded(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "route=GET /repos/{owner}/{repo}:502@before")
	f.srv.ResetRequests()
	_, _, err := f.client(t, func(o *Options) { o.MaxRetries = 3 }).Repositories.Get(t.Context(), "acme", "shop")
	if Kind(err) != Unavailable {
		t.Errorf("Kind(%v) = %v, want unavailable", err, Kind(err))
	}
	if got := len(f.faults.get()); got != 4 {
		t.Errorf("%d attempts, want 4 (one and three retries)", got)
	}
}

func TestAttemptTimeout(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "timeout=10s,route=GET /repos/{owner}/{repo}:timeout@before*1,route=POST /repos/{owner}/{repo}/labels:timeout@after*1")
	c := f.client(t, func(o *Options) { o.Timeout = 100 * time.Millisecond })
	start := time.Now()
	if _, _, err := c.Repositories.Get(t.Context(), "acme", "shop"); err != nil {
		t.Errorf("get repository after a hung attempt: %v", err)
	}
	err := createLabel(t.Context(), c, f)
	if Kind(err) != Uncertain {
		t.Errorf("Kind(%v) = %v, want uncertain", err, Kind(err))
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("two hung attempts took %v with a 100ms timeout", elapsed)
	}
}

func TestReadTimeoutsExhausted(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "timeout=10s,route=GET /repos/{owner}/{repo}:timeout@before")
	c := f.client(t, func(o *Options) { o.Timeout, o.MaxRetries = 50*time.Millisecond, 1 })
	_, _, err := c.Repositories.Get(t.Context(), "acme", "shop")
	if Kind(err) != Unavailable {
		t.Errorf("Kind(%v) = %v, want unavailable", err, Kind(err))
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, _, err = c.Repositories.Get(ctx, "acme", "shop")
	if !errors.Is(err, context.Canceled) || Kind(err) != Other {
		t.Errorf("Kind(%v) = %v, want other for a cancelled request", err, Kind(err))
	}
}
