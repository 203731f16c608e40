package contract

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestGraphQLCalls(t *testing.T) {
	t.Parallel()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, method, body, want string
	}{
		{"the viewer query", "POST", `{"query":"query { viewer { login } }"}`, ""},
		{"with variables", "POST", `{"query":"query($n:Int!){ viewer { login } }","variables":{"n":1}}`, ""},
		{"no query", "POST", `{"variables":{}}`, `a GraphQL call is a JSON object with a non-empty "query"`},
		{"not JSON", "POST", `query { viewer { login } }`, `a GraphQL call is a JSON object`},
		{"GET", "GET", ``, "GitHub's GraphQL API takes POST only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(tt.method, "https://api.github.com/graphql", strings.NewReader(tt.body))
			err := c.Check(req, []byte(tt.body), nil, nil)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
				t.Errorf("Check = %q, want %q", got, tt.want)
			}
		})
	}
}
