package contract

import (
	"encoding/json"
	"errors"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckFailsOnBrokenExchange(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	tests := []struct {
		name     string
		scenario string
		index    int
		request  func(map[string]any)
		response func(any)
		want     Violation
	}{
		{
			name: "git ref without object.sha", scenario: "git-refs", index: 1,
			response: func(v any) { delete(v.(map[string]any)["object"].(map[string]any), "sha") },
			want:     Violation{Method: "POST", Path: "/repos/{owner}/{repo}/git/refs", Status: 201, Part: "response body", Pointer: "/object/sha"},
		},
		{
			name: "issue without number", scenario: "add-labels-to-issue", index: 0,
			response: func(v any) { delete(v.(map[string]any), "number") },
			want:     Violation{Method: "POST", Path: "/repos/{owner}/{repo}/issues", Status: 201, Part: "response body", Pointer: "/number"},
		},
		{
			name: "label in a list without name", scenario: "labels", index: 0,
			response: func(v any) { delete(v.([]any)[0].(map[string]any), "name") },
			want:     Violation{Method: "GET", Path: "/repos/{owner}/{repo}/labels", Status: 200, Part: "response body", Pointer: "/0/name"},
		},
		{
			name: "combined status with a number as state", scenario: "create-status", index: 3,
			response: func(v any) { v.(map[string]any)["state"] = 7 },
			want:     Violation{Method: "GET", Path: "/repos/{owner}/{repo}/commits/{ref}/status", Status: 200, Part: "response body", Pointer: "/state"},
		},
		{
			name: "validation error without message", scenario: "errors", index: 0,
			response: func(v any) { delete(v.(map[string]any), "message") },
			want:     Violation{Method: "POST", Path: "/repos/{owner}/{repo}/labels", Status: 422, Part: "response body", Pointer: "/message"},
		},
		{
			name: "create ref without ref", scenario: "git-refs", index: 1,
			request: func(v map[string]any) { delete(v, "ref") },
			want:    Violation{Method: "POST", Path: "/repos/{owner}/{repo}/git/refs", Part: "request body", Pointer: "/ref"},
		},
		{
			name: "create status with an unknown state", scenario: "create-status", index: 0,
			request: func(v map[string]any) { v["state"] = "green" },
			want:    Violation{Method: "POST", Path: "/repos/{owner}/{repo}/statuses/{sha}", Part: "request body", Pointer: "/state"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			in := loadRecorded(t, tt.scenario)[tt.index]
			if tt.request != nil {
				in.RequestBody = mutate(t, in.RequestBody, func(v any) { tt.request(v.(map[string]any)) })
			}
			if tt.response != nil {
				in.Response = mutate(t, in.Response, tt.response)
			}
			got := find(c.Check(exchangeOf(t, in)), tt.want.Pointer)
			if diff := cmp.Diff(got, tt.want, cmp.FilterPath(isReason, cmp.Ignore())); diff != "" {
				t.Errorf("violation (-got +want):\n%s", diff)
			}
		})
	}
}

// mutate decodes raw, applies f and encodes the result.
func mutate(t *testing.T, raw json.RawMessage, f func(any)) json.RawMessage {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	f(v)
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// find returns the violation at pointer in err, or the zero Violation.
func find(err error, pointer string) Violation {
	var vs Violations
	if !errors.As(err, &vs) {
		return Violation{}
	}
	for _, v := range vs {
		if v.Pointer == pointer {
			return v
		}
	}
	return Violation{}
}

// isReason selects the Reason field, whose wording is kin-openapi's.
func isReason(p cmp.Path) bool {
	return p.Last().String() == ".Reason"
}

func TestCheckExplainsCompositeSchemas(t *testing.T) {
	t.Parallel()
	c := loadChecker(t)
	file := `{"type":"file","encoding":"base64","size":5,"name":"a.go","path":"a.go","content":"","sha":"` + sha +
		`","url":"http://x/u","git_url":null,"html_url":null,"download_url":null}`
	req, err := http.NewRequest("GET", "http://127.0.0.1/repos/o/r/contents/dir/a.go", http.NoBody)
	if err != nil {
		t.Fatal(err)
	}
	resp := &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}}
	got := find(c.Check(req, nil, resp, []byte(file)), "/_links")
	want := Violation{Method: "GET", Path: "/repos/{owner}/{repo}/contents/{path}", Status: 200, Part: "response body", Pointer: "/_links",
		Reason: `property "_links" is missing (in the oneOf branch for type "file")`}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("violation (-got +want):\n%s", diff)
	}
}
