package contract

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"
)

// interaction is one exchange recorded from api.github.com, as
// scripts/octokit-fixtures writes it.
type interaction struct {
	Method      string            `json:"method"`
	Path        string            `json:"path"`
	Query       string            `json:"query"`
	RequestBody json.RawMessage   `json:"request_body"`
	Status      int               `json:"status"`
	Headers     map[string]string `json:"headers"`
	Response    json.RawMessage   `json:"response"`
}

// loadRecorded reads the interactions of one scenario in testdata/octokit.
func loadRecorded(t *testing.T, scenario string) []interaction {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "octokit", scenario+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var file struct{ Interactions []interaction }
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatalf("decode %s: %v", scenario, err)
	}
	return file.Interactions
}

// exchangeOf rebuilds the request and response of a recording.
func exchangeOf(t *testing.T, in interaction) (*http.Request, []byte, *http.Response, []byte) {
	t.Helper()
	target := "https://api.github.com" + in.Path
	if in.Query != "" {
		target += "?" + in.Query
	}
	req, err := http.NewRequest(in.Method, target, bytes.NewReader(in.RequestBody))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.RequestBody) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	resp := &http.Response{StatusCode: in.Status, Header: http.Header{}}
	for k, v := range in.Headers {
		resp.Header.Set(k, v)
	}
	return req, in.RequestBody, resp, in.Response
}

// loadChecker returns the shared Checker or fails the test.
func loadChecker(t *testing.T) *Checker {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// ownChecker loads a Checker that the test may change.
func ownChecker(t *testing.T) *Checker {
	t.Helper()
	c, err := load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
