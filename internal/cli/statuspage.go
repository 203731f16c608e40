package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	metrics "github.com/incident-hotfix/incident-hotfix/internal/report"
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
	now := env.Now().UTC()
	since, err := metrics.ParseSince(c.since, now)
	if err != nil {
		return Usage(err)
	}
	site, err := c.load(ctx, env, since)
	if err != nil {
		return err
	}
	services := site.page.Services
	if strings.TrimSpace(c.services) != "" {
		services = serviceList(c.services)
	}
	return c.write(env, statuspage.Build(site.records, statuspage.Options{ID: site.id, Name: firstSet(c.title, site.page.Title, site.name+" status"),
		URL: c.url, Services: services, Since: since, Now: now}))
}

// statusPageFacts is what the command read from GitHub.
type statusPageFacts struct {
	id, name string
	page     config.StatusPage // the policy's status_page section
	records  []incident.Record
}

// load reads the policy, the log identity and the incidents.
func (c *statusPageCmd) load(ctx context.Context, env *Env, since time.Time) (statusPageFacts, error) {
	r, err := c.remote.connect(ctx, env)
	if err != nil {
		return statusPageFacts{}, err
	}
	policy, err := followupPolicy(ctx, env, r.policies(), c.ref)
	if err != nil {
		return statusPageFacts{}, err
	}
	who, err := r.who.Login(ctx, policy.Incident.Identity)
	if err != nil {
		return statusPageFacts{}, err
	}
	src := statuspage.Source{Repo: incident.Repo{Owner: r.owner, Name: r.name}, Label: policy.Incident.Label, Identity: who}
	records, err := statuspage.Load(ctx, r.client, src, since, func(line string) { fmt.Fprintln(env.log(), line) })
	return statusPageFacts{id: r.owner + "/" + r.name, name: r.name, page: policy.StatusPage, records: records}, err
}

// write renders the site and writes it, one progress line per file.
func (c *statusPageCmd) write(env *Env, site statuspage.Site) error {
	files, err := statuspage.Render(site)
	if err != nil {
		return err
	}
	dir := env.Path(c.out)
	err = statuspage.Write(dir, files, func(f statuspage.File) { fmt.Fprintf(env.log(), "wrote %s (%d bytes)\n", f.Path, len(f.Data)) })
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "status page: %s, %d open incident(s), %d in the history; %d files in %s\n",
		site.Summary, len(site.Open), len(site.History), len(files), dir)
	return nil
}

// serviceList reads the --services list: names separated by commas, blanks dropped.
func serviceList(s string) []string {
	var out []string
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, name)
		}
	}
	return out
}
