package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
