package statuspage

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// Given is what the command line gives of the page's options; a blank one takes the policy's.
type Given struct {
	Title, URL string
	// Services is a comma-separated list; blanks between commas are dropped.
	Services string
}

// OptionsFor are the page's options: what was given, else the policy's status_page section, else
// "<repository name> status" for the page's name.
func OptionsFor(g Given, page config.StatusPage, repo incident.Repo, since, now time.Time) Options {
	services := page.Services
	if strings.TrimSpace(g.Services) != "" {
		services = serviceList(g.Services)
	}
	return Options{ID: repo.Owner + "/" + repo.Name, Name: firstNonBlank(g.Title, page.Title, repo.Name+" status"),
		URL: g.URL, Services: services, Since: since, Now: now, ShowNames: page.ShowNames}
}

// firstNonBlank is the first value that is not blank, trimmed.
func firstNonBlank(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// serviceList reads a list of services: names separated by commas, blanks dropped.
func serviceList(s string) []string {
	var out []string
	for _, name := range strings.Split(s, ",") {
		if name = strings.TrimSpace(name); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// Publish renders the site and writes it to dir, one line to log per file, and returns the line
// that says what was published.
func Publish(dir string, s Site, log io.Writer) (string, error) {
	files, err := Render(s)
	if err != nil {
		return "", err
	}
	if err := Write(dir, files, func(f File) { fmt.Fprintf(log, "wrote %s (%d bytes)\n", f.Path, len(f.Data)) }); err != nil {
		return "", err
	}
	return fmt.Sprintf("status page: %s, %d open incident(s), %d in the history; %d files in %s",
		s.Summary, len(s.Open), len(s.History), len(files), dir), nil
}

// Generate reads the incidents (Load), builds the site (Build) and publishes it to dir
// (Publish), with a progress line to log for each page of issues read and each file written. It
// returns the line that says what was published.
func Generate(ctx context.Context, c *github.Client, src Source, o Options, dir string, log io.Writer) (string, error) {
	records, err := Load(ctx, c, src, o.Since, func(line string) { fmt.Fprintln(log, line) })
	if err != nil {
		return "", err
	}
	return Publish(dir, Build(records, o), log)
}
