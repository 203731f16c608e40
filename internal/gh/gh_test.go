package gh

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

// testToken is the sandbox's token; tests search every error and log line for it.
const testToken = "ghs_SandboxSecret0123456789"

// fixture is a sandbox for acme/shop, served twice: through faults, and directly for checking.
type fixture struct {
	t      *testing.T
	srv    *sandbox.Server
	dir    string // the bare repository
	main   string // main's commit
	faulty string // the URL of the server with faults
	direct *github.Client
	sleeps recorder[time.Duration]
	logs   recorder[string]
	faults recorder[sandbox.Fault]
}

// recorder collects values from the client's and the server's goroutines.
type recorder[T any] struct {
	mu  sync.Mutex
	all []T
}

func (r *recorder[T]) add(v T) { r.mu.Lock(); r.all = append(r.all, v); r.mu.Unlock() }

func (r *recorder[T]) get() []T { r.mu.Lock(); defer r.mu.Unlock(); return append([]T(nil), r.all...) }

// newFixture starts a sandbox whose main branch has one commit, behind the faults in spec as
// edited by edit.
func newFixture(t *testing.T, spec string, edit ...func(*sandbox.FaultSpec)) *fixture {
	t.Helper()
	f := &fixture{t: t, dir: filepath.Join(t.TempDir(), "shop.git")}
	srv, err := sandbox.New(sandbox.Options{Dir: f.dir, Owner: "acme", Name: "shop", Token: testToken})
	if err != nil {
		t.Fatalf("new sandbox: %v", err)
	}
	f.srv, f.main = srv, pushCommit(t, f.dir, "main", "")
	faults, err := sandbox.ParseFaults(spec)
	if err != nil {
		t.Fatal(err)
	}
	faults.OnFault = f.faults.add
	for _, e := range edit {
		e(&faults)
	}
	faulty := httptest.NewServer(sandbox.WithFaults(srv.Handler(), faults))
	direct := httptest.NewServer(srv.Handler())
	t.Cleanup(faulty.Close)
	t.Cleanup(direct.Close)
	f.faulty = faulty.URL
	f.direct = f.client(t, func(o *Options) { o.APIURL = direct.URL })
	return f
}

// client builds a client through New for the faulty server, with opts edited by edit.
func (f *fixture) client(t *testing.T, edit ...func(*Options)) *github.Client {
	t.Helper()
	opts := Options{
		Token:   testToken,
		APIURL:  f.faulty,
		Timeout: 5 * time.Second,
		Sleep: func(ctx context.Context, d time.Duration) error {
			f.sleeps.add(d)
			return ctx.Err()
		},
		Logf: func(format string, args ...any) { f.logs.add(fmt.Sprintf(format, args...)) },
	}
	for _, e := range edit {
		e(&opts)
	}
	c, err := New(t.Context(), opts)
	if err != nil {
		t.Fatalf("new client: %v", err)
	}
	return c
}

// pushCommit makes a commit that changes a file named after branch on top of the branch from
// ("" for a first commit), and pushes it to the bare repository dir as branch.
func pushCommit(t *testing.T, dir, branch, from string) string {
	t.Helper()
	work := t.TempDir()
	git(t, work, "init", "--quiet", "-b", "scratch")
	if from != "" {
		git(t, work, "fetch", "--quiet", dir, from)
		git(t, work, "reset", "--quiet", "--hard", "FETCH_HEAD")
	}
	name := strings.ReplaceAll(branch, "/", "-") + ".txt"
	if err := os.WriteFile(filepath.Join(work, name), []byte(branch+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, work, "add", "--", name)
	git(t, work, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "change "+branch)
	git(t, work, "push", "--quiet", dir, "HEAD:refs/heads/"+branch)
	return git(t, work, "rev-parse", "HEAD")
}

// git runs the git CLI in dir and returns its trimmed output.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// routeCount is how many requests for a route pattern reached the sandbox.
func (f *fixture) routeCount(pattern string) int {
	return f.srv.Requests()[pattern]
}

// userAgents records the User-Agent of each request before passing it on.
func userAgents(next http.Handler, seen *recorder[string]) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.add(r.UserAgent())
		next.ServeHTTP(w, r)
	})
}
