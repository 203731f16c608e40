package backport

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestWaitMergeableReadsAtOnce(t *testing.T) {
	t.Parallel()
	s, h, head := merged(t, "two")
	var slept []time.Duration
	sleep := func(_ context.Context, d time.Duration) error { slept = append(slept, d); return nil }
	targets := []Target{{Branch: "develop", Reason: "no release branch is open"}}
	got, err := Open(context.Background(), s.Client, repo, h, head, targets, Options{Sleep: sleep})
	if err != nil || got[0].Conflict {
		t.Fatalf("Open = %+v, %v; want a clean backport", got, err)
	}
	// Creating the PR started the computation (as on GitHub), and the sandbox has finished it
	// by the first read: no wait at all. TestMergeabilityPollIsConditional waits.
	if len(slept) != 0 {
		t.Errorf("waits %v, want none: the first read found the answer", slept)
	}
	s.Server.ResetRequests()
	first, err := readPull(context.Background(), s.Client, repo, got[0].Number, "")
	if err != nil || first.pr == nil || first.etag == "" {
		t.Fatalf("read = %+v, %v; want the PR and its ETag", first, err)
	}
	again, err := readPull(context.Background(), s.Client, repo, got[0].Number, first.etag)
	if err != nil || again.pr != nil || again.etag != first.etag {
		t.Errorf("conditional read = %+v, %v; want unchanged (304) with the same ETag", again, err)
	}
	var statuses []int
	for _, r := range s.Server.RequestLog() {
		statuses = append(statuses, r.Status)
	}
	if diff := cmp.Diff(statuses, []int{http.StatusOK, http.StatusNotModified}); diff != "" {
		t.Errorf("statuses (-got +want):\n%s", diff)
	}
}

func TestNextWait(t *testing.T) {
	t.Parallel()
	tests := []struct{ wait, retryAfter, want time.Duration }{
		{0, 0, firstWait},
		{firstWait, 0, 2 * firstWait},
		{maxWait, 0, maxWait},
		{firstWait, 3 * time.Second, 3 * time.Second},
	}
	for _, tt := range tests {
		if got := nextWait(tt.wait, tt.retryAfter); got != tt.want {
			t.Errorf("nextWait(%s, %s) = %s, want %s", tt.wait, tt.retryAfter, got, tt.want)
		}
	}
}
