//go:build !noemulator

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"path/filepath"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

// sandboxCmd serves GitHub's REST API over a local bare git repository.
type sandboxCmd struct {
	repo, name, addr, faults, state, rateLimit string
	tokens, collaborators                      repeated
	public                                     bool
}

func (*sandboxCmd) Name() string { return "sandbox" }
func (*sandboxCmd) Synopsis() string {
	return "serve GitHub's REST API for one repository over a local git repository"
}

func (c *sandboxCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.repo, "repo", "", "bare git repository to serve; created when missing")
	fs.StringVar(&c.name, "name", "", "the repository's OWNER/REPO")
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "address to listen on; port 0 picks a free port")
	fs.Var(&c.tokens, "token", "a `token` clients may send, repeatable: SECRET (the default user's personal token), user:LOGIN=SECRET, app:SLUG=SECRET or actions=SECRET")
	fs.Var(&c.collaborators, "collaborator", "give a user a role, repeatable: `LOGIN=ROLE` (read, triage, write, maintain, admin)")
	fs.BoolVar(&c.public, "public", false, "serve a public repository: requests without a token may read it")
	fs.StringVar(&c.faults, "faults", "", "faults to inject, such as seed=1,rate=0.3")
	fs.StringVar(&c.state, "state", "", "file that keeps issues, pull requests and comments across restarts")
	fs.StringVar(&c.rateLimit, "rate-limit", "5000/h", "each token's primary rate limit, as `N/h`; the 21st request of 20/h is refused as GitHub refuses it")
}

// Run validates the options, opens the sandbox, prints where it is and serves until ctx ends.
func (c *sandboxCmd) Run(ctx context.Context, env *Env, _ []string) error {
	opts, err := c.options(env)
	if err != nil {
		return Usage(err)
	}
	srv, err := sandbox.New(opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.addr, err)
	}
	fmt.Fprintf(env.Stdout, "API URL: http://%s/\nGit remote: %s\n", ln.Addr(), opts.Dir)
	return srv.Serve(ctx, ln)
}

// options checks every flag and joins the problems into one error.
func (c *sandboxCmd) options(env *Env) (sandbox.Options, error) {
	var errs []error
	owner, name, ok := strings.Cut(c.name, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		errs = append(errs, fmt.Errorf("--name %q: want OWNER/REPO, such as acme/shop", c.name))
	}
	if c.repo == "" {
		errs = append(errs, errors.New("--repo: a path for the bare repository is required"))
	}
	creds, err := sandbox.ParseCredentials(c.tokens)
	errs = append(errs, err)
	collaborators, err := sandbox.ParseRoles(c.collaborators)
	errs = append(errs, err)
	if _, _, err := net.SplitHostPort(c.addr); err != nil {
		errs = append(errs, fmt.Errorf("--addr %q: want HOST:PORT, such as 127.0.0.1:0", c.addr))
	}
	faults, err := sandbox.ParseFaults(c.faults)
	if err != nil {
		errs = append(errs, fmt.Errorf("--faults: %w", err))
	}
	limit, err := sandbox.ParseRateLimit(c.rateLimit)
	if err != nil {
		errs = append(errs, err)
	}
	dir, _ := filepath.Abs(env.Path(c.repo))
	return sandbox.Options{
		Dir: dir, Owner: owner, Name: name, Tokens: creds, Collaborators: collaborators, Public: c.public,
		StateFile: env.Path(c.state), Clock: env.Now, Faults: faults, RateLimit: limit,
		Logf: func(format string, args ...any) { fmt.Fprintf(env.Stderr, format+"\n", args...) },
	}, errors.Join(errs...)
}
