package gh

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNewBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		apiURL string
		want   string
	}{
		{"", "https://api.github.com/"},
		{"https://api.github.com", "https://api.github.com/"},
		{"https://ghes.example.com/api/v3", "https://ghes.example.com/api/v3/"},
		{"https://ghes.example.com/api/v3/", "https://ghes.example.com/api/v3/"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/"},
	}
	for _, tt := range tests {
		t.Run(tt.apiURL, func(t *testing.T) {
			t.Parallel()
			c, err := New(t.Context(), Options{Token: testToken, APIURL: tt.apiURL})
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if got := c.BaseURL.String(); got != tt.want {
				t.Errorf("BaseURL %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNewRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"relative url", Options{APIURL: "api.github.com"}, `github api url "api.github.com" is not an http or https url`},
		{"ftp url", Options{APIURL: "ftp://example.com/"}, "is not an http or https url"},
		{"password in url", Options{APIURL: "ftp://me:" + testToken + "@example.com/"}, "is not an http or https url"},
		{"token with newline", Options{Token: testToken + "\n"}, "github token has spaces or control characters"},
		{"token with space", Options{Token: "Bearer " + testToken}, "github token has spaces or control characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := New(t.Context(), tt.opts)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New: %v, want an error containing %q", err, tt.want)
			}
			if strings.Contains(err.Error(), testToken) {
				t.Errorf("error shows the token: %v", err)
			}
		})
	}
}

func TestUserAgentAndAuth(t *testing.T) {
	t.Parallel()
	f := newFixture(t, "")
	var seen recorder[string]
	hs := httptest.NewServer(userAgents(f.srv.Handler(), &seen))
	t.Cleanup(hs.Close)
	c := f.client(t, func(o *Options) { o.APIURL, o.UserAgent = hs.URL, "incident-hotfix/v1.2.3" })
	user, _, err := c.Users.Get(t.Context(), "")
	if err != nil {
		t.Fatalf("get the authenticated user: %v", err)
	}
	if user.GetLogin() == "" {
		t.Errorf("authenticated user has no login: %+v", user)
	}
	if diff := cmp.Diff(seen.get(), []string{"incident-hotfix/v1.2.3"}); diff != "" {
		t.Errorf("user agents (-got +want):\n%s", diff)
	}
}
