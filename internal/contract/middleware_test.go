package contract

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// refHandler answers every request with the given status and body.
func refHandler(status int, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	})
}

// reports collects the errors a middleware or transport reports.
type reports struct {
	mu   sync.Mutex
	errs []string
}

func (r *reports) add(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, err.Error())
}

const (
	goodRef = `{"ref":"refs/heads/main","node_id":"R","url":"http://x/r","object":{"type":"commit","sha":"` + sha + `","url":"http://x/c"}}`
	badRef  = `{"ref":"refs/heads/main","node_id":"R","url":"http://x/r","object":{"type":"commit","url":"http://x/c"}}`
	sha     = "0123456789012345678901234567890123456789"
)

func TestMiddlewareAndTransportReport(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	tests := []struct {
		name   string
		status int
		body   string
		want   []string
	}{
		{"conforming ref", 200, goodRef, nil},
		{"ref without sha", 200, badRef, []string{"GET /repos/{owner}/{repo}/git/ref/{ref} → 200: response body /object/sha: property \"sha\" is missing"}},
		{"bad credentials", 401, `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}`, nil},
		{"error body of the wrong type", 401, `{"message":5}`, []string{"GET /repos/{owner}/{repo}/git/ref/{ref} → 401: response body /message: value must be a string"}},
		{"undocumented status", 418, `{}`, []string{"GET /repos/{owner}/{repo}/git/ref/{ref} → 418: response: status is not supported"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var server, client reports
			srv := httptest.NewServer(c.Middleware(refHandler(tt.status, tt.body), server.add))
			defer srv.Close()
			hc := &http.Client{Transport: c.Transport(srv.Client().Transport, client.add)}
			resp, err := hc.Get(srv.URL + "/repos/o/r/git/ref/heads/hotfix/a")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if diff := cmp.Diff(string(body), tt.body); diff != "" {
				t.Errorf("body passed through (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(server.errs, tt.want); diff != "" {
				t.Errorf("middleware reports (-got +want):\n%s", diff)
			}
			if diff := cmp.Diff(client.errs, tt.want); diff != "" {
				t.Errorf("transport reports (-got +want):\n%s", diff)
			}
		})
	}
}

func TestTransportChecksRequestBody(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	var client reports
	srv := httptest.NewServer(refHandler(201, goodRef))
	defer srv.Close()
	hc := &http.Client{Transport: c.Transport(srv.Client().Transport, client.add)}
	resp, err := hc.Post(srv.URL+"/repos/o/r/git/refs", "application/json", strings.NewReader(`{"sha":"`+sha+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	want := []string{"POST /repos/{owner}/{repo}/git/refs: request body /ref: property \"ref\" is missing"}
	if diff := cmp.Diff(client.errs, want); diff != "" {
		t.Errorf("transport reports (-got +want):\n%s", diff)
	}
}

func TestRequestMiddlewareChecksOnlyRequests(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	tests := []struct {
		name, method, path, body string
		want                     []string
	}{
		{"conforming request, broken response", "GET", "/repos/o/r/git/ref/heads/main", "", nil},
		{"create ref without ref", "POST", "/repos/o/r/git/refs", `{"sha":"` + sha + `"}`,
			[]string{"POST /repos/{owner}/{repo}/git/refs: request body /ref: property \"ref\" is missing"}},
		{"undescribed operation", "DELETE", "/repos/o/r", "",
			[]string{"DELETE /repos/o/r: route: no operation in GitHub's description: method not allowed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var server reports
			srv := httptest.NewServer(c.RequestMiddleware(refHandler(200, badRef), server.add))
			defer srv.Close()
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if diff := cmp.Diff(server.errs, tt.want); diff != "" {
				t.Errorf("reports (-got +want):\n%s", diff)
			}
		})
	}
}
