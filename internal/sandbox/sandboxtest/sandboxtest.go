// Package sandboxtest starts a sandbox for a test: a real bare git repository served as GitHub's
// REST API, a go-github client made by the toolkit's own constructor, and a scratch clone for
// pushing branches the way a person would.
package sandboxtest

import (
	"cmp"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/contract"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

// Token is the token the sandbox accepts.
const Token = "sandbox-test-token"

// Owner and Name are the sandbox repository's.
const (
	Owner = "acme"
	Name  = "shop"
)

// Sandbox is a running sandbox for one test.
type Sandbox struct {
	t      testing.TB
	Server *sandbox.Server
	Client *github.Client
	URL    string // the API URL, with a trailing slash
	Dir    string // the bare repository
	work   string // a scratch clone for pushes
	token  string // the token the sandbox accepts
}

// Options adjust Start.
type Options struct {
	Faults sandbox.FaultSpec
	Clock  func() time.Time
	// Token is the token the sandbox accepts; Token when empty.
	Token string
	// Users are more people who can call the API, each through As(login). They are not
	// collaborators unless the test makes them so with Server.SetCollaborator.
	Users []string
	// Tokens are credentials of any kind, as hotfix sandbox --token takes them (app:SLUG=SECRET,
	// actions=SECRET, user:LOGIN=SECRET); WithToken(SECRET) is a client that sends one.
	Tokens []string
	// RateLimit is each token's requests an hour; GitHub's 5,000 when 0.
	RateLimit int
	// NoSecondaryLimit lifts the limit of 80 writes a minute, for tests that seed many objects.
	NoSecondaryLimit bool
	// Branch is the first branch pushed, which becomes the default branch; main when empty.
	Branch string
	// MergeableAfter is the read of a pull request that finds its mergeability computed; 2 when 0.
	MergeableAfter int
	// NoRunDetails makes a workflow dispatch ignore return_run_details (see sandbox.Options).
	NoRunDetails bool
}

// Start serves a sandbox whose main branch (or Options.Branch) has one commit (README.md).
func Start(t testing.TB, opts Options) *Sandbox {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "shop.git")
	users := map[string]string{}
	for _, login := range opts.Users {
		users[userToken(login)] = login
	}
	token := cmp.Or(opts.Token, Token)
	var creds []sandbox.Credential
	for _, spec := range opts.Tokens {
		c, err := sandbox.ParseCredential(spec, "")
		if err != nil {
			t.Fatalf("sandbox token: %v", err)
		}
		creds = append(creds, c)
	}
	srv, err := sandbox.New(sandbox.Options{Dir: dir, Owner: Owner, Name: Name, Token: token, Users: users, Tokens: creds, Faults: opts.Faults, Clock: opts.Clock,
		RateLimit: opts.RateLimit, NoSecondaryLimit: opts.NoSecondaryLimit, MergeableAfter: opts.MergeableAfter,
		NoRunDetails: opts.NoRunDetails})
	if err != nil {
		t.Fatalf("start sandbox: %v", err)
	}
	hs := httptest.NewServer(checkRequests(t, srv.Handler()))
	t.Cleanup(hs.Close)
	s := &Sandbox{t: t, Server: srv, URL: hs.URL + "/", Dir: dir, work: t.TempDir(), token: token}
	s.Client = s.NewClient()
	s.git("clone", "-q", dir, ".")
	first := cmp.Or(opts.Branch, "main")
	s.git("checkout", "-q", "--orphan", first)
	s.Push(first, map[string]string{"README.md": "# shop\n"})
	return s
}

// checkRequests fails the test for each request outside GitHub's published API description, so
// every request the toolkit sends in a test is checked (internal/contract).
func checkRequests(t testing.TB, h http.Handler) http.Handler {
	t.Helper()
	checker, err := contract.Load()
	if err != nil {
		t.Fatalf("load GitHub's API description: %v", err)
	}
	return checker.RequestMiddleware(h, func(err error) { t.Errorf("request outside GitHub's API description:\n%v", err) })
}

// As is a client that acts as login, one of Options.Users.
func (s *Sandbox) As(login string) *github.Client {
	s.t.Helper()
	return s.client(userToken(login))
}

// WithToken is a client that sends secret, one of Options.Tokens' secrets.
func (s *Sandbox) WithToken(secret string) *github.Client {
	s.t.Helper()
	return s.client(secret)
}

func userToken(login string) string { return "token-of-" + login }

// NewClient makes another client for the sandbox through gh.New, with retries that don't sleep.
func (s *Sandbox) NewClient() *github.Client {
	s.t.Helper()
	return s.client(s.token)
}

func (s *Sandbox) client(token string) *github.Client {
	s.t.Helper()
	c, err := gh.New(context.Background(), gh.Options{Token: token, APIURL: s.URL,
		Sleep: func(context.Context, time.Duration) error { return nil }})
	if err != nil {
		s.t.Fatalf("sandbox client: %v", err)
	}
	return c
}

// Push commits files (path → content; "" deletes the path) on top of branch — or, when branch
// does not exist yet, on top of from (main when empty) — and pushes it. It returns the commit SHA.
func (s *Sandbox) Push(branch string, files map[string]string, from ...string) string {
	s.t.Helper()
	start := "main"
	if len(from) > 0 {
		start = from[0]
	}
	s.git("fetch", "-q", "origin", "+refs/heads/*:refs/remotes/origin/*")
	if s.tryGit("rev-parse", "--verify", "-q", "refs/remotes/origin/"+branch) {
		start = branch
	}
	if s.tryGit("rev-parse", "--verify", "-q", "refs/remotes/origin/"+start) {
		s.git("checkout", "-q", "-B", "scratch", "origin/"+start)
	}
	for path, content := range files {
		full := filepath.Join(s.work, path)
		if content == "" {
			s.git("rm", "-q", "--", path)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			s.t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			s.t.Fatal(err)
		}
	}
	s.git("add", "-A")
	s.git("commit", "-q", "--allow-empty", "-m", "change "+branch)
	s.git("push", "-q", "-f", "origin", "HEAD:refs/heads/"+branch)
	return s.git("rev-parse", "HEAD")
}

// Git runs git in the bare repository and returns its trimmed output.
func (s *Sandbox) Git(args ...string) string {
	s.t.Helper()
	return run(s.t, s.Dir, args...)
}

// Contains reports whether the commit ref names contains commit, in the bare repository.
func (s *Sandbox) Contains(ref, commit string) bool {
	cmd := exec.Command("git", "merge-base", "--is-ancestor", commit, ref)
	cmd.Dir, cmd.Env = s.Dir, gittest.Env
	return cmd.Run() == nil
}

func (s *Sandbox) git(args ...string) string {
	s.t.Helper()
	return run(s.t, s.work, args...)
}

func (s *Sandbox) tryGit(args ...string) bool {
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = s.work, gittest.Env
	return cmd.Run() == nil
}

func run(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, gittest.Env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// Requests counts the API requests served since the last ResetRequests, by route.
func (s *Sandbox) Requests() int {
	n := 0
	for _, c := range s.Server.Requests() {
		n += c
	}
	return n
}
