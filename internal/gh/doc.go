// Package gh builds the one GitHub client the toolkit uses: the token, the API URL, a user agent,
// timeouts and retries that never repeat a write blindly. It also classifies API errors into kinds
// a caller can branch on, and offers Ensure for writes that must happen exactly once.
//
// A command builds its client once, from its environment:
//
//	c, err := gh.New(ctx, gh.Options{
//		Token:     token,
//		APIURL:    env.Getenv("GITHUB_API_URL"),
//		UserAgent: "incident-hotfix/" + version,
//		Logf:      logf,
//	})
//
// Retries: a read (GET, HEAD) is retried on 5xx, broken connections and timeouts, with jittered
// exponential backoff. Any request refused by a rate limit (403 or 429 with retry-after, or
// x-ratelimit-remaining 0) waits as long as GitHub asks, up to Options.MaxWait, and is sent
// again: GitHub did not act on it. A write (POST, PATCH, PUT, DELETE) that failed in any other
// way is never sent again, because GitHub may have acted on it before the response was lost.
// Its error has the kind Uncertain, and the caller reads back to see what happened, which is
// what Ensure does.
//
// Errors: Kind(err) gives NotFound, Unauthorized, Forbidden, Conflict, Validation, RateLimited,
// Unavailable or Uncertain; Explain(err) adds a hint for people, such as the permission a 403
// suggests the token lacks; fieldErrors(err) gives a 422's field errors. The token never appears
// in errors or log lines.
package gh
