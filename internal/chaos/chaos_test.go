//go:build e2e

package chaos

import (
	"flag"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

var (
	seeds   = flag.Int("seeds", 200, "how many seeds the chaos suite plays")
	soak    = flag.Bool("soak", false, "play 5,000 seeds instead of -seeds")
	first   = flag.Int("first-seed", 0, "the first seed the chaos suite plays")
	workers = flag.Int("workers", 8*runtime.GOMAXPROCS(0), "how many seeds play at once; most of a seed's time is spent waiting")
)

// faultSpec breaks a fifth of the requests with every transient fault GitHub shows, before or
// after the handler, so that some writes happen and their responses are lost. retry-after=0
// keeps the rate-limit refusals from costing real waits; the client honours them all the same.
const faultSpec = "seed=%d,rate=0.2,kinds=500+502+403+429+reset+timeout,when=either,retry-after=0,timeout=50ms"

// TestChaos plays the whole lifecycle once per seed with faults in a fifth of the requests,
// re-running each red job until it is green, and checks that GitHub holds exactly what one
// clean run leaves. Seeds play in parallel, since each mostly waits on backoff and polling.
func TestChaos(t *testing.T) {
	t.Parallel()
	n := *seeds
	if *soak {
		n = 5000
	}
	var totals tally
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(*workers, n) {
		wg.Go(func() {
			for seed := range next {
				t.Run(fmt.Sprintf("seed_%d", seed), func(t *testing.T) { playSeed(t, seed, &totals) })
			}
		})
	}
	for seed := *first; seed < *first+n; seed++ {
		next <- seed
	}
	close(next)
	wg.Wait()
	t.Logf("%d seeds: %v", n, &totals)
	if n >= 20 && (totals.lostWrites.Load() == 0 || totals.reruns.Load() == 0) {
		t.Errorf("no write lost its response, or no job needed a re-run, in %d seeds: the suite proved nothing (%v)", n, &totals)
	}
}

// tally adds up what the seeds went through.
type tally struct {
	faults, lostWrites, reruns, orphanTags atomic.Int64
}

func (c *tally) String() string {
	return fmt.Sprintf("%d faults injected, %d writes whose response was lost, %d re-runs, %d tag objects left without a ref (harmless)",
		c.faults.Load(), c.lostWrites.Load(), c.reruns.Load(), c.orphanTags.Load())
}

// playSeed plays one seed and checks the state it leaves.
func playSeed(t *testing.T, seed int, totals *tally) {
	spec, err := sandbox.ParseFaults(fmt.Sprintf(faultSpec, seed))
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, spec)
	l := play(t, w, inProcess)
	faults, lost := w.faults.counts()
	totals.faults.Add(int64(faults))
	totals.lostWrites.Add(int64(lost))
	totals.reruns.Add(int64(l.attempts - l.runID)) // one run id per job
	totals.orphanTags.Add(int64(orphanTags(t, w)))
	if diff := cmp.Diff(read(t, l), want(l)); diff != "" {
		t.Errorf("GitHub's state after seed %d (-got +want):\n%s\nfaults:\n%s", seed, diff, w.faults)
	}
}
