package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestEveryRouteHasItsDocLink(t *testing.T) {
	t.Parallel()
	srv, _, _ := newTestSandbox(t)
	for _, p := range srv.patterns {
		if _, ok := docLinks[p]; !ok {
			t.Errorf("route %q has no documentation_url in docLinks", p)
		}
	}
}

// TestErrorBodies pins GitHub's error body: message, documentation_url (the endpoint's page and
// anchor, as the recorded errors scenario has it) and status as a string.
func TestErrorBodies(t *testing.T) {
	t.Parallel()
	_, c, _ := newTestSandbox(t)
	recorded := loadRecordings(t, "errors")[0]
	var want errorBody
	if err := json.Unmarshal(recorded.Response, &want); err != nil {
		t.Fatal(err)
	}
	var got errorBody
	if err := json.Unmarshal(rawRequest(t, c, http.MethodPost, "repos/acme/shop/labels", `{"name":"foo","color":"invalid"}`), &got); err != nil {
		t.Fatal(err)
	}
	_, wantAnchor, _ := strings.Cut(want.DocURL, "#")
	_, gotAnchor, _ := strings.Cut(got.DocURL, "#")
	want.DocURL, got.DocURL = wantAnchor, gotAnchor
	want.Status = "422" // the recording predates the status field
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("error body (-got +want):\n%s", diff)
	}
}

// rawRequest sends method path with body and c's credentials, and returns the response body.
func rawRequest(t *testing.T, c *github.Client, method, path, body string) []byte {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, c.BaseURL.String()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return readAll(t, c, req)
}
