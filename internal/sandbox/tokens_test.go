package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestParseCredential(t *testing.T) {
	t.Parallel()
	tests := []struct {
		spec    string
		want    Credential
		wantErr bool
	}{
		{spec: "S0", want: Credential{Secret: "S0", Kind: UserToken, Login: "sandbox-bot"}},
		{spec: "user:ada=S2", want: Credential{Secret: "S2", Kind: UserToken, Login: "ada"}},
		{spec: "app:incident-bot=S1", want: Credential{Secret: "S1", Kind: AppToken, Login: "incident-bot[bot]"}},
		{spec: "actions=S3", want: Credential{Secret: "S3", Kind: ActionsToken, Login: "github-actions[bot]"}},
		{spec: "app:Incident_Bot=S1", wantErr: true},
		{spec: "user:-ada=S1", wantErr: true},
		{spec: "robot:x=S1", wantErr: true},
		{spec: "user:ada=", wantErr: true},
		{spec: "", wantErr: true},
		{spec: "actions=has space", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			t.Parallel()
			got, err := ParseCredential(tt.spec, "sandbox-bot")
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseCredential(%q) error = %v, want error %v", tt.spec, err, tt.wantErr)
			}
			if err != nil && bytes.Contains([]byte(err.Error()), []byte("S1")) {
				t.Errorf("error %q shows the secret", err)
			}
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("credential (-got +want):\n%s", diff)
			}
		})
	}
}

// kindsSandbox serves a sandbox with a personal token, an app's, a workflow's and ada's.
func kindsSandbox(t *testing.T, public bool) *httptest.Server {
	t.Helper()
	var creds []Credential
	for _, spec := range []string{"app:incident-bot=S1", "user:ada=S2", "actions=S3"} {
		c, err := ParseCredential(spec, "")
		if err != nil {
			t.Fatal(err)
		}
		creds = append(creds, c)
	}
	dir := filepath.Join(t.TempDir(), "shop.git")
	srv, err := New(Options{Dir: dir, Owner: "acme", Name: "shop", Tokens: creds, Public: public,
		Collaborators: map[string]string{"ada": "write"}})
	if err != nil {
		t.Fatalf("new sandbox: %v", err)
	}
	pushBranchFrom(t, dir, "main", "", map[string]string{"README.md": "# shop\n"})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return hs
}

// call sends one request with token (none when empty) and returns the status and decoded body.
func call(t *testing.T, hs *httptest.Server, method, path, token, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(method, hs.URL+path, bytes.NewBufferString(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := hs.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatalf("%s %s: body %q is not a JSON object: %v", method, path, data, err)
		}
	}
	return resp.StatusCode, out
}

func TestTokenKindsUser(t *testing.T) {
	t.Parallel()
	hs := kindsSandbox(t, false)
	forbidden := map[string]any{"message": "Resource not accessible by integration",
		"documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user"}
	tests := []struct {
		name, token string
		wantStatus  int
		want        map[string]any // the fields of the body compared
	}{
		{"app token", "S1", 403, forbidden},
		{"actions token", "S3", 403, forbidden},
		{"personal token", "S2", 200, map[string]any{"login": "ada", "type": "User"}},
		{"no token", "", 401, map[string]any{"message": "Requires authentication"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			status, body := call(t, hs, "GET", "/user", tt.token, "")
			got := map[string]any{}
			for k := range tt.want {
				got[k] = body[k]
			}
			if diff := cmp.Diff([]any{status, got}, []any{tt.wantStatus, tt.want}); diff != "" {
				t.Errorf("GET /user (-got +want):\n%s", diff)
			}
		})
	}
}

func TestGraphQLViewer(t *testing.T) {
	t.Parallel()
	hs := kindsSandbox(t, false)
	viewer := func(login string) map[string]any {
		return map[string]any{"data": map[string]any{"viewer": map[string]any{"login": login}}}
	}
	tests := []struct {
		name, token, query string
		wantStatus         int
		want               map[string]any
	}{
		{"app", "S1", "query { viewer { login } }", 200, viewer("incident-bot[bot]")},
		{"actions", "S3", "{viewer{login}}", 200, viewer("github-actions[bot]")},
		{"user", "S2", "query Who { viewer { login } }", 200, viewer("ada")},
		{"database id", "S3", "query { viewer { login, databaseId } }", 200, map[string]any{"data": map[string]any{
			"viewer": map[string]any{"login": "github-actions[bot]", "databaseId": float64(41898282)}}}},
		{"unknown field", "S2", "query { viewer { email } }", 200, map[string]any{"errors": []any{map[string]any{
			"path": []any{"query", "viewer", "email"}, "message": "Field 'email' doesn't exist on type 'User'",
			"extensions": map[string]any{"code": "undefinedField", "typeName": "User", "fieldName": "email"}}}}},
		{"other query", "S2", "query { repository(owner:\"acme\", name:\"shop\") { id } }", 200, map[string]any{"errors": []any{map[string]any{
			"type": "NOT_SUPPORTED", "locations": []any{map[string]any{"line": float64(1), "column": float64(1)}},
			"message": "the sandbox answers only query { viewer { login databaseId } }"}}}},
		{"no token", "", "query { viewer { login } }", 401, map[string]any{"message": "This endpoint requires you to be authenticated.",
			"documentation_url": "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql", "status": "401"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, _ := json.Marshal(map[string]string{"query": tt.query})
			status, got := call(t, hs, "POST", "/graphql", tt.token, string(body))
			if diff := cmp.Diff([]any{status, got}, []any{tt.wantStatus, tt.want}); diff != "" {
				t.Errorf("POST /graphql %s (-got +want):\n%s", tt.query, diff)
			}
		})
	}
	if status, got := call(t, hs, "POST", "/graphql", "S1", "{not json"); status != 400 || got["message"] != "Problems parsing JSON" {
		t.Errorf("POST /graphql with bad JSON = %d %v, want 400 Problems parsing JSON", status, got)
	}
}

func TestTokenKindsAuthorObjects(t *testing.T) {
	t.Parallel()
	hs := kindsSandbox(t, false)
	tests := []struct{ token, wantLogin, wantType, wantHTML string }{
		{"S1", "incident-bot[bot]", "Bot", "/apps/incident-bot"},
		{"S3", "github-actions[bot]", "Bot", "/apps/github-actions"},
		{"S2", "ada", "User", "/ada"},
	}
	_, issue := call(t, hs, "POST", "/repos/acme/shop/issues", "S2", `{"title":"an incident"}`)
	for _, tt := range tests {
		_, cm := call(t, hs, "POST", "/repos/acme/shop/issues/1/comments", tt.token, `{"body":"hello"}`)
		user, _ := cm["user"].(map[string]any)
		got := []any{user["login"], user["type"], user["html_url"]}
		want := []any{tt.wantLogin, tt.wantType, hs.URL + tt.wantHTML}
		if diff := cmp.Diff(got, want); diff != "" {
			t.Errorf("comment by %s: user login, type, html_url (-got +want):\n%s", tt.token, diff)
		}
	}
	if author, _ := issue["user"].(map[string]any); author["login"] != "ada" {
		t.Errorf("issue author = %v, want ada", author["login"])
	}
}

func TestAnonymousRequests(t *testing.T) {
	t.Parallel()
	private, public := kindsSandbox(t, false), kindsSandbox(t, true)
	tests := []struct {
		name         string
		hs           *httptest.Server
		method, path string
		wantStatus   int
		wantMessage  any
	}{
		{"private repository read", private, "GET", "/repos/acme/shop", 404, "Not Found"},
		{"private repository write", private, "POST", "/repos/acme/shop/issues", 404, "Not Found"},
		{"public repository read", public, "GET", "/repos/acme/shop/branches/main", 200, nil},
		{"public repository write", public, "POST", "/repos/acme/shop/issues", 401, "Requires authentication"},
		{"public user", public, "GET", "/user", 401, "Requires authentication"},
		{"bad token", public, "GET", "/repos/acme/shop", 401, "Bad credentials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			token := ""
			if tt.name == "bad token" {
				token = "nope"
			}
			status, body := call(t, tt.hs, tt.method, tt.path, token, `{"title":"x"}`)
			if diff := cmp.Diff([]any{status, body["message"]}, []any{tt.wantStatus, tt.wantMessage}); diff != "" {
				t.Errorf("%s %s without a token (-got +want):\n%s", tt.method, tt.path, diff)
			}
		})
	}
}

func TestCollaboratorOption(t *testing.T) {
	t.Parallel()
	hs := kindsSandbox(t, false)
	c := github.NewClient(hs.Client()).WithAuthToken("S1")
	c.BaseURL, _ = c.BaseURL.Parse(hs.URL + "/")
	got, _, err := c.Repositories.GetPermissionLevel(context.Background(), "acme", "shop", "ada")
	if err != nil {
		t.Fatal(err)
	}
	if got.GetPermission() != "write" || got.GetUser().GetRoleName() != "write" {
		t.Errorf("ada's permission = %q role %q, want write", got.GetPermission(), got.GetUser().GetRoleName())
	}
	dir := filepath.Join(t.TempDir(), "x.git")
	for _, opts := range []Options{
		{Dir: dir, Owner: "a", Name: "b", Token: "T", Collaborators: map[string]string{"ada": "owner"}},
		{Dir: dir, Owner: "a", Name: "b", Token: "T", Tokens: []Credential{{Secret: "T", Kind: AppToken, Login: "x[bot]"}}},
		{Dir: dir, Owner: "a", Name: "b"},
	} {
		if _, err := New(opts); err == nil {
			t.Errorf("New(%+v) = nil error, want one", opts)
		}
	}
}
