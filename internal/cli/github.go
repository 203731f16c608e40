package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
	metrics "github.com/incident-hotfix/incident-hotfix/internal/report"
	"github.com/incident-hotfix/incident-hotfix/internal/route"
)

// remoteFlags are the options every API command shares. The token is never a flag, so it can't
// show in a process list: it comes from the token input (INPUT_TOKEN) or GITHUB_TOKEN.
type remoteFlags struct {
	repository string
	apiURL     string
}

func (f *remoteFlags) bind(fs *flag.FlagSet) {
	fs.StringVar(&f.repository, "repository", "", "the `owner/name` on GitHub (default $GITHUB_REPOSITORY)")
	fs.StringVar(&f.apiURL, "api-url", "", "the REST API `url` (default $GITHUB_API_URL, else https://api.github.com)")
}

// connect builds the one GitHub client for a command, masking the token in the job log first.
func (f *remoteFlags) connect(ctx context.Context, env *Env) (route.Repo, error) {
	token := env.token()
	if token == "" {
		return route.Repo{}, Usage(errors.New("no GitHub token: set the token input, or GITHUB_TOKEN"))
	}
	env.runner().Mask(token)
	repo := firstSet(f.repository, env.Getenv("GITHUB_REPOSITORY"))
	owner, name, ok := strings.Cut(repo, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return route.Repo{}, Usage(fmt.Errorf("repository %q is not owner/name; set --repository or GITHUB_REPOSITORY", repo))
	}
	c, err := gh.New(ctx, gh.Options{Token: token, APIURL: firstSet(f.apiURL, env.Getenv("GITHUB_API_URL")), UserAgent: "incident-hotfix/" + version()})
	if err != nil {
		return route.Repo{}, Usage(err)
	}
	return route.Repo{Client: c, Owner: owner, Name: name, Who: identity.New(c, env.Getenv(identity.Input))}, nil
}

func firstSet(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// scopeSince is what the commands that look back over the incidents (report, status-page) start
// from: the window --since gives, as of now, and the repository with the policy on the branch ref.
func (f *remoteFlags) scopeSince(ctx context.Context, env *Env, ref, since string) (route.Scope, time.Time, time.Time, error) {
	now := env.Now().UTC()
	from, err := metrics.ParseSince(since, now)
	if err != nil {
		return route.Scope{}, from, now, Usage(err)
	}
	r, err := f.connect(ctx, env)
	if err != nil {
		return route.Scope{}, from, now, err
	}
	s, err := env.routed(event.Trigger{}, r).Scope(ctx, ref)
	return s, from, now, err
}
