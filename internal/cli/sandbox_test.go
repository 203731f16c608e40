package cli

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-github/v60/github"
)

func TestSandboxUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{name: "no name", args: []string{"--repo", "r.git", "--token", "t"}, want: `--name "": want OWNER/REPO`},
		{name: "name without owner", args: []string{"--repo", "r.git", "--token", "t", "--name", "shop"}, want: `--name "shop": want OWNER/REPO`},
		{name: "name with two slashes", args: []string{"--repo", "r.git", "--token", "t", "--name", "a/b/c"}, want: `--name "a/b/c": want OWNER/REPO`},
		{name: "no repo", args: []string{"--token", "t", "--name", "acme/shop"}, want: "--repo: a path for the bare repository is required"},
		{name: "no token", args: []string{"--repo", "r.git", "--name", "acme/shop"}, want: "--token: the token clients must send is required"},
		{name: "bad addr", args: []string{"--repo", "r.git", "--token", "t", "--name", "acme/shop", "--addr", "nowhere"}, want: `--addr "nowhere": want HOST:PORT`},
		{name: "bad token kind", args: []string{"--repo", "r.git", "--token", "robot:x=S1", "--name", "acme/shop"}, want: `--token: token "robot:x=***": want SECRET, user:LOGIN=SECRET`},
		{name: "bad collaborator role", args: []string{"--repo", "r.git", "--token", "t", "--name", "acme/shop", "--collaborator", "ada=owner"}, want: `--collaborator "ada=owner": want LOGIN=ROLE, ROLE one of read, triage, write, maintain, admin`},
		{name: "bad faults", args: []string{"--repo", "r.git", "--token", "t", "--name", "acme/shop", "--faults", "bogus=1"}, want: "--faults: "},
		{name: "rate limit without /h", args: []string{"--repo", "r.git", "--token", "t", "--name", "acme/shop", "--rate-limit", "20"}, want: `--rate-limit "20": want a positive number of requests an hour, N/h, such as 5000/h`},
		{name: "rate limit of zero", args: []string{"--repo", "r.git", "--token", "t", "--name", "acme/shop", "--rate-limit", "0/h"}, want: `--rate-limit "0/h": want a positive number`},
		{name: "rate limit per minute", args: []string{"--repo", "r.git", "--token", "t", "--name", "acme/shop", "--rate-limit", "20/m"}, want: `--rate-limit "20/m": want`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			env := &Env{Getenv: MapEnv(nil), Stdout: &stdout, Stderr: &stderr, Dir: t.TempDir(), Now: time.Now}
			code := Main(context.Background(), append([]string{"sandbox"}, tt.args...), env)
			if code != ExitUsage || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), ExitUsage, tt.want)
			}
		})
	}
}

// TestSandboxServes starts `hotfix sandbox` on a free port, waits for its URL line (which must come
// within a second), makes a real request with go-github, and stops it by cancelling the context.
func TestSandboxServes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	env := &Env{Getenv: MapEnv(nil), Stdout: pw, Stderr: io.Discard, Dir: dir, Now: time.Now}
	done := make(chan int, 1)
	start := time.Now()
	go func() {
		done <- Main(ctx, []string{"sandbox", "--repo", "shop.git", "--name", "acme/shop", "--addr", "127.0.0.1:0", "--token", "s3cret"}, env)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "API URL: http://127.0.0.1:") {
		t.Fatalf("first line %q; want the API URL", lines.Text())
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("sandbox ready after %v; want within 1s", took)
	}
	apiURL := strings.TrimPrefix(lines.Text(), "API URL: ")
	if !lines.Scan() || lines.Text() != "Git remote: "+filepath.Join(dir, "shop.git") {
		t.Errorf("second line %q; want the git remote %s", lines.Text(), filepath.Join(dir, "shop.git"))
	}
	go io.Copy(io.Discard, pr)
	c := github.NewClient(nil).WithAuthToken("s3cret")
	c.BaseURL, _ = url.Parse(apiURL)
	repo, _, err := c.Repositories.Get(ctx, "acme", "shop")
	if err != nil || repo.GetFullName() != "acme/shop" || repo.GetDefaultBranch() != "main" {
		t.Errorf("get repository: %v, %q %q; want acme/shop with default branch main", err, repo.GetFullName(), repo.GetDefaultBranch())
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Errorf("exit %d after cancel; want %d", code, ExitOK)
	}
}

// TestSandboxTokenKinds starts `hotfix sandbox` with an app's token and a collaborator's, and checks
// what each token is: GET /user refused to the app with GitHub's body, the GraphQL viewer, and the
// author of a comment.
func TestSandboxTokenKinds(t *testing.T) {
	t.Parallel()
	apiURL := startSandbox(t, "--token", "app:incident-bot=S1", "--token", "user:ada=S2", "--collaborator", "ada=write")
	ctx := context.Background()
	app, ada := sandboxClient(apiURL, "S1"), sandboxClient(apiURL, "S2")
	_, _, err := app.Users.Get(ctx, "")
	var er *github.ErrorResponse
	if !errors.As(err, &er) || er.Response.StatusCode != 403 || er.Message != "Resource not accessible by integration" ||
		er.DocumentationURL != "https://docs.github.com/rest/users/users#get-the-authenticated-user" {
		t.Errorf("GET /user with the app token: %v; want 403 Resource not accessible by integration", err)
	}
	req, _ := app.NewRequest("POST", "graphql", map[string]string{"query": "query { viewer { login } }"})
	var viewer map[string]any
	if _, err := app.Do(ctx, req, &viewer); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(viewer, map[string]any{"data": map[string]any{"viewer": map[string]any{"login": "incident-bot[bot]"}}}); diff != "" {
		t.Errorf("viewer (-got +want):\n%s", diff)
	}
	issue, _, err := ada.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Title: github.String("x")})
	if err != nil {
		t.Fatal(err)
	}
	cm, _, err := app.Issues.CreateComment(ctx, "acme", "shop", issue.GetNumber(), &github.IssueComment{Body: github.String("hi")})
	if err != nil || cm.GetUser().GetLogin() != "incident-bot[bot]" || cm.GetUser().GetType() != "Bot" {
		t.Errorf("comment by the app: %v, user %q type %q; want incident-bot[bot], Bot", err, cm.GetUser().GetLogin(), cm.GetUser().GetType())
	}
	perm, _, err := app.Repositories.GetPermissionLevel(ctx, "acme", "shop", "ada")
	if err != nil || perm.GetPermission() != "write" {
		t.Errorf("ada's permission: %v %q; want write", err, perm.GetPermission())
	}
}

// startSandbox runs `hotfix sandbox` with args on a free port until the test ends; it returns
// the API URL.
func startSandbox(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	env := &Env{Getenv: MapEnv(nil), Stdout: pw, Stderr: io.Discard, Dir: t.TempDir(), Now: time.Now}
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, append([]string{"sandbox", "--repo", "shop.git", "--name", "acme/shop", "--addr", "127.0.0.1:0"}, args...), env)
		pw.Close()
	}()
	t.Cleanup(func() { cancel(); <-done })
	lines := bufio.NewScanner(pr)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "API URL: ") {
		t.Fatalf("first line %q; want the API URL", lines.Text())
	}
	go io.Copy(io.Discard, pr)
	return strings.TrimPrefix(lines.Text(), "API URL: ")
}

// sandboxClient is a go-github client for the sandbox at apiURL with token.
func sandboxClient(apiURL, token string) *github.Client {
	c := github.NewClient(nil).WithAuthToken(token)
	c.BaseURL, _ = url.Parse(apiURL)
	return c
}

// TestSandboxRateLimitFlag starts `hotfix sandbox --rate-limit 20/h`: 20 requests are served, and
// the 21st is refused with GitHub's 403, its body and its headers.
func TestSandboxRateLimitFlag(t *testing.T) {
	t.Parallel()
	apiURL := startSandbox(t, "--token", "s3cret", "--rate-limit", "20/h")
	get := func() (*http.Response, string) {
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, apiURL+"repos/acme/shop", nil)
		req.Header.Set("Authorization", "Bearer s3cret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	for i := range 20 {
		if resp, body := get(); resp.StatusCode != http.StatusOK {
			t.Fatalf("request %d: %d %s", i+1, resp.StatusCode, body)
		}
	}
	resp, body := get()
	got := []any{resp.StatusCode, resp.Header.Get("X-Ratelimit-Limit"), resp.Header.Get("X-Ratelimit-Remaining"), resp.Header.Get("X-Ratelimit-Reset") != "",
		strings.Contains(body, `"message":"API rate limit exceeded for user ID `), strings.Contains(body, `"status":"403"`)}
	if diff := cmp.Diff(got, []any{403, "20", "0", true, true, true}); diff != "" {
		t.Errorf("the 21st request: status, limit, remaining, reset set, message, status field (-got +want):\n%s\n%s", diff, body)
	}
}
