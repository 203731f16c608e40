package sandbox

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// Options configures a sandbox.
type Options struct {
	// Dir is the bare repository's path; New creates it when it does not exist.
	Dir string
	// Owner and Name make the repository's full name, Owner/Name.
	Owner, Name string
	// Token is the personal token of User, sent as "Bearer TOKEN" or "token TOKEN". Token or
	// Tokens must give at least one credential.
	Token string
	// User is the authenticated user's login; it defaults to "sandbox-bot".
	User string
	// Users maps more tokens to the logins they act as, so tests can comment, label and forge as
	// other people. Those users are not collaborators until SetCollaborator says so.
	Users map[string]string
	// Tokens are more credentials of every kind: personal, app installation and workflow tokens.
	Tokens []Credential
	// Collaborators gives logins a role at start: read, triage, write, maintain or admin.
	Collaborators map[string]string
	// Public makes the repository public: a request without a token may read it, as on GitHub.
	// A private repository (the default) is a 404 to such a request.
	Public bool
	// StateFile, when set, keeps what git does not hold (issues, PRs, comments, ...) across restarts.
	StateFile string
	// Clock gives server-side timestamps; it defaults to time.Now.
	Clock func() time.Time
	// Logf receives one line per request; it defaults to discarding them.
	Logf func(format string, args ...any)
	// Faults, when enabled, makes requests fail as it says (see WithFaults).
	Faults FaultSpec
	// RateLimit is each token's primary rate limit, requests an hour; GitHub's 5,000 when 0.
	RateLimit int
	// NoSecondaryLimit lifts the secondary limit on content creation, for fixtures that seed
	// thousands of objects through the API in seconds. GitHub has no such switch.
	NoSecondaryLimit bool
	// MergeableAfter is the read of a pull request, after either branch moves, that finds its
	// mergeability computed; 2 when 0. Creating the pull request counts as the first read (it
	// starts the computation, as on GitHub), so by default the first read after it finds the
	// answer. GitHub computes it in the background, so a larger value makes clients poll as
	// they must on GitHub.
	MergeableAfter int
	// NoRunDetails makes a workflow dispatch ignore return_run_details, as servers did before
	// GitHub added it in February 2026 (and GitHub Enterprise Server versions without it do):
	// always 204, the run created after the answer.
	NoRunDetails bool
}

// Server is a GitHub REST API for one repository, backed by a bare git repository. It answers one
// request at a time.
type Server struct {
	opts Options
	git  *gitRepo
	mux  *http.ServeMux
	// patterns are the routes registered, in order (see catchOtherMethods).
	patterns []string

	mu   sync.Mutex // held for the whole of each API request
	st   *state
	base string // scheme and host of the request being served

	log     requestLog
	budgets budgets
}

// New opens the sandbox for opts, creating the bare repository (branch main) when opts.Dir does
// not exist and loading opts.StateFile when it does.
func New(opts Options) (*Server, error) {
	opts, err := withDefaults(opts)
	if err != nil {
		return nil, err
	}
	s := &Server{opts: opts, mux: http.NewServeMux()}
	s.git = &gitRepo{dir: opts.Dir, api: s.apiURL, html: s.htmlURL, user: opts.User}
	if err := s.git.ensure(context.Background()); err != nil {
		return nil, err
	}
	if s.st, err = loadState(opts.StateFile); err != nil {
		return nil, err
	}
	for login, role := range opts.Collaborators {
		s.st.Collaborators[login] = role
	}
	s.routes()
	s.catchOtherMethods()
	s.mux.HandleFunc("/", unserved)
	return s, nil
}

// withDefaults checks the required options and fills in the optional ones.
func withDefaults(o Options) (Options, error) {
	var missing []string
	for name, v := range map[string]string{"dir": o.Dir, "owner": o.Owner, "name": o.Name, "token": o.Token + tokenSecrets(o.Tokens)} {
		if strings.TrimSpace(v) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return o, fmt.Errorf("sandbox options: %s must not be empty", strings.Join(slices.Sorted(slices.Values(missing)), ", "))
	}
	if o.User == "" {
		o.User = "sandbox-bot"
	}
	o.Tokens = slices.Clone(o.Tokens)
	for i := range o.Tokens {
		o.Tokens[i].Login = cmp.Or(o.Tokens[i].Login, o.User)
	}
	if err := checkOptionCredentials(o); err != nil {
		return o, err
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	return o, nil
}

// Handler is the API: the request log, injected faults, rate limits and authentication around
// the routes. Faulted requests are logged too, so counts show every request a client made.
func (s *Server) Handler() http.Handler {
	var h http.Handler = s.rateLimited(http.HandlerFunc(s.authenticated))
	if s.opts.Faults.Enabled() {
		h = WithFaults(h, s.opts.Faults)
	}
	return s.logged(h)
}

// Serve answers requests on ln until ctx is cancelled, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve sandbox on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(shut)
	if serveErr := <-done; !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return err
}

// fileExists reports whether path names something on disk.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
