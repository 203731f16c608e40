package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/statuspage"
)

// statusPageCmd renders the public status page from the incidents into a directory.
type statusPageCmd struct {
	out, title, url, services, since, ref string
	remote                                remoteFlags
}

func (*statusPageCmd) Name() string { return "status-page" }
func (*statusPageCmd) Synopsis() string {
	return "render the public status page (index.html, a page per incident, feed.atom, status.json) from the incidents"
}

func (c *statusPageCmd) Flags(fs *flag.FlagSet) {
	fs.StringVar(&c.out, "out", "", "the `dir` to write the site to (required); it is replaced as a whole, and must be new, empty or a previous site")
	fs.StringVar(&c.title, "title", "", "the page's `name` (default the policy's status_page.title, else \"<repository name> status\")")
	fs.StringVar(&c.url, "url", "", "the page's public `url`, for the feed's and status.json's links (default: relative links)")
	fs.StringVar(&c.services, "services", "", "the `list` of services always shown, comma-separated, in order (default the policy's status_page.services); services named by incidents follow")
	fs.StringVar(&c.since, "since", "30d", "the history `window`: resolved incidents of the last Nd, or Nh, or since a date YYYY-MM-DD")
	fs.StringVar(&c.ref, "ref", "", "read the policy from this `branch` (default $GITHUB_REF_NAME, else main)")
	c.remote.bind(fs)
}

func (c *statusPageCmd) Run(ctx context.Context, env *Env, args []string) error {
	if len(args) > 0 {
		return Usage(fmt.Errorf("unexpected argument %q; give the output directory with --out", args[0]))
	}
	if strings.TrimSpace(c.out) == "" {
		return Usage(errors.New("--out is required: the directory to write the status page to, such as --out _site"))
	}
	f, since, now, err := c.remote.scopeSince(ctx, env, c.ref, c.since)
	if err != nil {
		return err
	}
	repo := incident.Repo{Owner: f.Owner, Name: f.Name}
	src := statuspage.Source{Repo: repo, Label: f.Policy.Incident.Label, Identity: f.Login}
	opts := statuspage.OptionsFor(statuspage.Given{Title: c.title, URL: c.url, Services: c.services}, f.Policy.StatusPage, repo, since, now)
	line, err := statuspage.Generate(ctx, f.Client, src, opts, env.Path(c.out), env.log())
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, line)
	return nil
}
