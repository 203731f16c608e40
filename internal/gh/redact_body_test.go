package gh

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
)

// TestErrorBodyIsRedacted: an API error body that repeats the token (as a proxy or an echoing
// endpoint may) is printed with the token as ***, through the error and its explanation.
func TestErrorBodyIsRedacted(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		_, _ = w.Write([]byte(`{"message":"Validation Failed: ` + r.Header.Get("Authorization") + `","errors":[{"resource":"Label","code":"custom","message":"` + leakToken + `"}]}`))
	}))
	t.Cleanup(srv.Close)
	c, err := New(context.Background(), Options{Token: leakToken, APIURL: srv.URL, Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.Issues.CreateLabel(context.Background(), "acme", "shop", &github.Label{Name: github.String("x")})
	if err == nil {
		t.Fatal("CreateLabel: no error, want the 422")
	}
	for _, text := range []string{err.Error(), Explain(err).Error()} {
		if strings.Contains(text, leakToken) || !strings.Contains(text, "***") {
			t.Errorf("error text %q: want the token shown as ***", text)
		}
	}
}
