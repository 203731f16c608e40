//go:build !noemulator

package cli

import (
	"context"
	"flag"
	"fmt"
	"net"

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

// options checks every flag (sandbox.Flags) and joins the problems into one error.
func (c *sandboxCmd) options(env *Env) (sandbox.Options, error) {
	opts, err := sandbox.Flags{Repo: env.Path(c.repo), Name: c.name, Addr: c.addr, Faults: c.faults, State: env.Path(c.state),
		RateLimit: c.rateLimit, Tokens: c.tokens, Collaborators: c.collaborators, Public: c.public}.Options()
	opts.Clock = env.Now
	opts.Logf = func(format string, args ...any) { fmt.Fprintf(env.Stderr, format+"\n", args...) }
	return opts, err
}
