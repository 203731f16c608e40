package cli

import (
	"bufio"
	"bytes"
	"context"
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

// TestSandboxRateLimitFlag starts `hotfix sandbox --rate-limit 20/h`: 20 requests are served, and
// the 21st is refused with GitHub's 403, its body and its headers.
func TestSandboxRateLimitFlag(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	env := &Env{Getenv: MapEnv(nil), Stdout: pw, Stderr: io.Discard, Dir: t.TempDir(), Now: time.Now}
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"sandbox", "--repo", "shop.git", "--name", "acme/shop", "--addr", "127.0.0.1:0", "--token", "s3cret", "--rate-limit", "20/h"}, env)
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	if !lines.Scan() {
		t.Fatal("no API URL line")
	}
	apiURL := strings.TrimPrefix(lines.Text(), "API URL: ")
	go io.Copy(io.Discard, pr)
	get := func() (*http.Response, string) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, apiURL+"repos/acme/shop", nil)
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
	cancel()
	<-done
}
