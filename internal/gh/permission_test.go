package gh_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

func TestPermission(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Server.SetCollaborator("ada", "write")
	s.Server.SetCollaborator("mia", "maintain")
	s.Server.SetCollaborator("rex", "read")
	// GitHub answers 404 for a login that is no user; the sandbox knows every login, so this
	// one answer is GitHub's, in front of it.
	ghost := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/collaborators/ghost/") {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(`{"message":"Not Found","documentation_url":"https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user","status":"404"}`))
			return
		}
		http.Redirect(w, r, strings.TrimSuffix(s.URL, "/")+r.URL.RequestURI(), http.StatusTemporaryRedirect)
	}))
	t.Cleanup(ghost.Close)
	c, err := gh.New(context.Background(), gh.Options{Token: sandboxtest.Token, APIURL: ghost.URL})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		login, want string
		write       bool
	}{
		{"ada", "write", true},
		{"mia", "write", true}, // GitHub reports maintain as write
		{"rex", "read", false},
		{"stranger", "none", false},
		{"ghost", "none", false}, // 404: decided once, as none
	}
	for _, tt := range tests {
		t.Run(tt.login, func(t *testing.T) {
			t.Parallel()
			got, err := gh.Permission(context.Background(), c, sandboxtest.Owner, sandboxtest.Name, tt.login)
			if err != nil || got != tt.want || gh.CanWrite(got) != tt.write {
				t.Errorf("Permission(%s) = %q, %v (can write %t); want %q (can write %t)", tt.login, got, err, gh.CanWrite(got), tt.want, tt.write)
			}
			if ok, err := gh.MayWrite(context.Background(), c, sandboxtest.Owner, sandboxtest.Name, tt.login); err != nil || ok != tt.write {
				t.Errorf("MayWrite(%s) = %t, %v; want %t", tt.login, ok, err, tt.write)
			}
		})
	}
	if ok, err := gh.MayWrite(context.Background(), c, sandboxtest.Owner, sandboxtest.Name, ""); !ok || err != nil {
		t.Errorf("MayWrite with no login = %t, %v; want true: a person with their own token", ok, err)
	}
}

func TestCanWrite(t *testing.T) {
	t.Parallel()
	for perm, want := range map[string]bool{"admin": true, "maintain": true, "write": true, "triage": false, "read": false, "none": false, "": false} {
		if got := gh.CanWrite(perm); got != want {
			t.Errorf("CanWrite(%q) = %t, want %t", perm, got, want)
		}
	}
}
