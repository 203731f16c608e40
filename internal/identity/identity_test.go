package identity_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

func TestLoginPerTokenKind(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t, sandboxtest.Options{Tokens: []string{"app:incident-bot=S1", "actions=S3", "user:ada=S2"}})
	tests := []struct {
		name, secret, policy, input string
		want                        string
		wantRequests                int
	}{
		{name: "app token", secret: "S1", want: "incident-bot[bot]", wantRequests: 1},
		{name: "workflow token", secret: "S3", want: "github-actions[bot]", wantRequests: 1},
		{name: "personal token", secret: "S2", want: "ada", wantRequests: 1},
		{name: "identity input", secret: "S1", input: "release-bot[bot]", want: "release-bot[bot]"},
		{name: "policy key wins", secret: "S1", input: "release-bot[bot]", policy: "ops-bot[bot]", want: "ops-bot[bot]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := sb.Server.Requests()["POST /graphql"]
			who := identity.New(sb.WithToken(tt.secret), tt.input)
			var got []string
			for range 3 {
				login, err := who.Login(context.Background(), tt.policy)
				if err != nil {
					t.Fatalf("Login: %v", err)
				}
				got = append(got, login)
			}
			if diff := cmp.Diff(got, []string{tt.want, tt.want, tt.want}); diff != "" {
				t.Errorf("logins (-got +want):\n%s", diff)
			}
			if n := sb.Server.Requests()["POST /graphql"] - before; n != tt.wantRequests {
				t.Errorf("%d GraphQL requests for three lookups, want %d", n, tt.wantRequests)
			}
		})
	}
}

func TestLoginFailureNamesTheInput(t *testing.T) {
	t.Parallel()
	faults, err := sandbox.ParseFaults("route=POST /graphql:forbidden")
	if err != nil {
		t.Fatal(err)
	}
	sb := sandboxtest.Start(t, sandboxtest.Options{Faults: faults})
	who := identity.New(sb.Client, "")
	_, err = who.Login(context.Background(), "")
	if err == nil || !strings.Contains(err.Error(), "identity input") {
		t.Fatalf("Login with the viewer query refused: %v; want an error naming the identity input", err)
	}
	if _, again := who.Login(context.Background(), ""); again == nil {
		t.Errorf("second Login = nil error; want the same failure, not a guess")
	}
}

func TestGraphQLURL(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"https://api.github.com/":              "https://api.github.com/graphql",
		"https://ghe.example.com/api/v3/":      "https://ghe.example.com/api/graphql",
		"http://127.0.0.1:8080/":               "http://127.0.0.1:8080/graphql",
		"http://127.0.0.1:8080/prefix/api/v3/": "http://127.0.0.1:8080/prefix/api/graphql",
	}
	for base, want := range tests {
		u, err := url.Parse(base)
		if err != nil {
			t.Fatal(err)
		}
		if got := identity.GraphQLURL(u); got != want {
			t.Errorf("GraphQLURL(%s) = %s, want %s", base, got, want)
		}
	}
}

// TestKnownAsksNothing: Known answers from the policy key, the input or an earlier answer, and
// sends GitHub no request; without any of them it says the login is unknown.
func TestKnownAsksNothing(t *testing.T) {
	t.Parallel()
	sb := sandboxtest.Start(t, sandboxtest.Options{Tokens: []string{"app:incident-bot=S1"}})
	tests := []struct {
		name, policy, input, want string
		askFirst, wantOK          bool
	}{
		{name: "nothing named", want: "", wantOK: false},
		{name: "policy key", policy: "ops-bot[bot]", input: "release-bot[bot]", want: "ops-bot[bot]", wantOK: true},
		{name: "identity input", input: "release-bot[bot]", want: "release-bot[bot]", wantOK: true},
		{name: "viewer asked before", askFirst: true, want: "incident-bot[bot]", wantOK: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			who := identity.New(sb.WithToken("S1"), tt.input)
			if tt.askFirst {
				if _, err := who.Login(context.Background(), ""); err != nil {
					t.Fatal(err)
				}
			}
			before := sb.Server.Requests()["POST /graphql"]
			got, ok := who.Known(tt.policy)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Known = %q, %v; want %q, %v", got, ok, tt.want, tt.wantOK)
			}
			if n := sb.Server.Requests()["POST /graphql"] - before; n != 0 {
				t.Errorf("Known sent %d GraphQL requests, want none", n)
			}
		})
	}
}
