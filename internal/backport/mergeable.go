package backport

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/google/go-github/v60/github"
)

// The waits between reads of a PR's mergeability: GitHub computes it in a background job that
// a read starts and that usually ends within a second, so the waits start short and double.
const (
	firstWait = 200 * time.Millisecond
	maxWait   = 8 * time.Second
)

// waitMergeable reads the PR until GitHub has computed whether it merges cleanly: `mergeable`
// is null until then. The first read is at once. The next ones wait, from firstWait doubling to
// maxWait, or as long as an answer's Retry-After asks, and send If-None-Match with the last
// answer's ETag, so an answer that has not changed is a 304, which GitHub does not count
// against the rate limit.
// https://docs.github.com/rest/pulls/pulls#get-a-pull-request
// https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
func waitMergeable(ctx context.Context, c *github.Client, repo Repo, pr *github.PullRequest, opts Options) (*github.PullRequest, error) {
	var last answer
	wait := time.Duration(0)
	for i := 0; pr.Mergeable == nil; i++ {
		if i == opts.Polls {
			return pr, fmt.Errorf("GitHub had not computed whether #%d merges cleanly after %d reads; see %s", pr.GetNumber(), opts.Polls, pr.GetHTMLURL())
		}
		if i > 0 {
			if err := opts.Sleep(ctx, wait); err != nil {
				return pr, err
			}
		}
		var err error
		if last, err = readPull(ctx, c, repo, pr.GetNumber(), last.etag); err != nil {
			return pr, fmt.Errorf("read #%d's mergeability: %w", pr.GetNumber(), err)
		}
		pr = cmpOr(last.pr, pr)
		wait = nextWait(wait, last.retryAfter)
	}
	return pr, nil
}

// answer is one read of a pull request: the PR (nil when unchanged), its ETag, and the wait
// a Retry-After asked for.
type answer struct {
	pr         *github.PullRequest
	etag       string
	retryAfter time.Duration
}

// readPull reads pull request number, conditionally on etag when it is set.
func readPull(ctx context.Context, c *github.Client, repo Repo, number int, etag string) (answer, error) {
	req, err := c.NewRequest(http.MethodGet, fmt.Sprintf("repos/%s/%s/pulls/%d", repo.Owner, repo.Name, number), nil)
	if err != nil {
		return answer{}, err
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	pr := new(github.PullRequest)
	resp, err := c.Do(ctx, req, pr)
	out := answer{etag: etag}
	if resp != nil {
		secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		out.retryAfter = time.Duration(secs) * time.Second
	}
	switch {
	case resp != nil && resp.StatusCode == http.StatusNotModified:
		return out, nil
	case err != nil:
		return answer{}, err
	}
	out.pr, out.etag = pr, resp.Header.Get("ETag")
	return out, nil
}

// nextWait is the wait after one of wait: firstWait at first, then double, at most maxWait,
// unless the answer asked for longer.
func nextWait(wait, retryAfter time.Duration) time.Duration {
	next := min(max(wait*2, firstWait), maxWait)
	return max(next, retryAfter)
}

// cmpOr is a when it is set, else b.
func cmpOr(a, b *github.PullRequest) *github.PullRequest {
	if a != nil {
		return a
	}
	return b
}
