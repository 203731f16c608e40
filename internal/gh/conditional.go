package gh

import (
	"context"
	"net/http"

	"github.com/google/go-github/v60/github"
)

// GetIfChanged reads the API path (relative to the client's base URL) into v, sending etag as
// If-None-Match when it is set. It returns the response's ETag and whether v was read: a 304 Not
// Modified leaves v as it was and does not count against the rate limit, so polling with it
// costs nothing while nothing changes.
// https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
func GetIfChanged(ctx context.Context, c *github.Client, path, etag string, v any) (string, bool, error) {
	req, err := c.NewRequest(http.MethodGet, path, nil)
	if err != nil {
		return etag, false, err
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	resp, err := c.Do(ctx, req, v)
	if resp != nil && resp.StatusCode == http.StatusNotModified {
		return etag, false, nil
	}
	if err != nil {
		return etag, false, err
	}
	return resp.Header.Get("ETag"), true, nil
}
