package contract_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/incident-hotfix/incident-hotfix/internal/contract"
)

// A server whose git ref lacks object.sha is reported, with the method, the
// description's path, the status and the JSON pointer.
func ExampleChecker_Middleware() {
	checker, err := contract.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	server := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"ref":"refs/heads/main","node_id":"R","url":"http://x/r","object":{"type":"commit","url":"http://x/c"}}`)
	})
	hs := httptest.NewServer(checker.Middleware(server, func(err error) { fmt.Println(err) }))
	defer hs.Close()
	resp, err := http.Get(hs.URL + "/repos/acme/shop/git/ref/heads/main")
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	// Output:
	// GET /repos/{owner}/{repo}/git/ref/{ref} → 200: response body /object/sha: property "sha" is missing
}

// Tests route a go-github client through Transport to check every request it
// sends and every response it gets, here a create-ref request without ref.
func ExampleChecker_Transport() {
	checker, err := contract.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = io.WriteString(w, `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}`)
	}))
	defer hs.Close()
	client := &http.Client{Transport: checker.Transport(nil, func(err error) { fmt.Println(err) })}
	resp, err := client.Post(hs.URL+"/repos/acme/shop/git/refs", "application/json", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	// Output:
	// POST /repos/{owner}/{repo}/git/refs: request body: value is required but missing
}
