package gh

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

// TestBudgetSpentIsWaitedOut spends a sandbox budget of 3 requests an hour: the client sees
// x-ratelimit-remaining 0 on the third answer, waits (on the injected clock) until the reset,
// and the fourth request is served in the new window; the sandbox never has to refuse one.
func TestBudgetSpentIsWaitedOut(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := past
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	var sleeps []time.Duration
	sleep := func(_ context.Context, d time.Duration) error {
		mu.Lock()
		defer mu.Unlock()
		sleeps, now = append(sleeps, d), now.Add(d)
		return nil
	}
	dir := filepath.Join(t.TempDir(), "shop.git")
	srv, err := sandbox.New(sandbox.Options{Dir: dir, Owner: "acme", Name: "shop", Token: testToken, Clock: clock, RateLimit: 3})
	if err != nil {
		t.Fatal(err)
	}
	pushCommit(t, dir, "main", "")
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	c, err := New(context.Background(), Options{Token: testToken, APIURL: hs.URL, Now: clock, Sleep: sleep, MaxWait: 2 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if _, _, err := c.Repositories.Get(context.Background(), "acme", "shop"); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	var statuses []int
	for _, lr := range srv.RequestLog() {
		statuses = append(statuses, lr.Status)
	}
	got := []any{sleeps, statuses}
	if diff := cmp.Diff(got, []any{[]time.Duration{time.Hour}, []int{200, 200, 200, 200}}); diff != "" {
		t.Errorf("waits and statuses (-got +want):\n%s", diff)
	}
}
