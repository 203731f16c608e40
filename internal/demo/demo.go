// Package demo plays a whole hotfix on a sandbox: a real git repository served as GitHub's REST
// API on this machine. A person who has never seen the toolkit watches each step, and can look
// at what it made.
package demo

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox"
)

// Token is the demo sandbox's token.
const Token = "demo-token"

// The demo repository.
const (
	Owner = "acme"
	Name  = "shop"
)

// Options adjust a demo run.
type Options struct {
	// Dir holds the sandbox's repository and the engineer's clone; it must exist. "" is a
	// temporary directory, removed after.
	Dir string
	// Keep serves the sandbox after the story, until ctx ends, so its objects can be inspected.
	Keep bool
	Now  func() time.Time
}

// story is one demo run: the sandbox, the client and the clone, and where the account goes.
type story struct {
	w      io.Writer
	now    func() time.Time
	srv    *sandbox.Server
	bare   string // the sandbox's repository
	url    string
	client *github.Client
	clone  clone
	step   int
}

// Run plays the story, printing an account of each step to w.
func Run(ctx context.Context, w io.Writer, opts Options) error {
	if opts.Dir == "" {
		tmp, err := os.MkdirTemp("", "hotfix-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		opts.Dir = tmp
	}
	fmt.Fprint(w, "hotfix demo: one hotfix, from push to postmortem, on a local GitHub sandbox\n\n")
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s, serveErr, err := start(ctx, w, opts)
	if err != nil {
		return err
	}
	if err := s.play(ctx); err != nil {
		return err
	}
	if !opts.Keep {
		fmt.Fprintf(w, "\nRun `hotfix demo --keep` to keep the sandbox serving, and look with curl -H 'Authorization: Bearer %s' %srepos/%s/%s/issues\n", Token, s.url, Owner, Name)
		return nil
	}
	fmt.Fprintf(w, "\nThe sandbox keeps serving until you press Ctrl-C:\n  curl -H 'Authorization: Bearer %s' %srepos/%s/%s/issues\n", Token, s.url, Owner, Name)
	return <-serveErr
}

// start opens the sandbox on a free loopback port and clones its repository.
func start(ctx context.Context, w io.Writer, opts Options) (*story, chan error, error) {
	bare := filepath.Join(opts.Dir, Name+".git")
	srv, err := sandbox.New(sandbox.Options{Dir: bare, Owner: Owner, Name: Name, Token: Token, Clock: opts.Now})
	if err != nil {
		return nil, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, fmt.Errorf("listen on 127.0.0.1: %w", err)
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ctx, ln) }()
	url := fmt.Sprintf("http://%s/", ln.Addr())
	client, err := gh.New(ctx, gh.Options{Token: Token, APIURL: url, UserAgent: "incident-hotfix-demo"})
	if err != nil {
		return nil, nil, err
	}
	work := filepath.Join(opts.Dir, "work")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, nil, err
	}
	s := &story{w: w, now: opts.Now, srv: srv, bare: bare, url: url, client: client, clone: clone{dir: work}}
	s.say("Sandbox", "GitHub's REST API for %s/%s at %s, over the git repository %s", Owner, Name, url, bare)
	return s, serveErr, s.clone.run(ctx, []string{"clone", "-q", bare, "."}, []string{"checkout", "-q", "-b", "main"})
}

// say prints one numbered step.
func (s *story) say(what, format string, args ...any) {
	s.step++
	fmt.Fprintf(s.w, "%2d. %-11s %s\n", s.step, what, fmt.Sprintf(format, args...))
}

// detail prints an indented line under the last step.
func (s *story) detail(format string, args ...any) {
	for _, line := range strings.Split(strings.TrimRight(fmt.Sprintf(format, args...), "\n"), "\n") {
		fmt.Fprintf(s.w, "               %s\n", line)
	}
}
