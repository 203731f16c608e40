package statuspage

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// Options name the page and say what it lists.
type Options struct {
	ID       string    // the page's id in status.json, such as the repository's owner/name
	Name     string    // the page's title
	URL      string    // the page's public URL, "" when not known
	Services []string  // the services always listed, in this order; services of incidents follow
	Since    time.Time // resolved incidents before this are left out of the history
	Now      time.Time // when the page is built
	// ShowNames publishes @mentions as written; false withholds each (see withhold).
	ShowNames bool
}

// Other is the component of incidents that name no service.
const Other = "Other"

// Build decides the site from the incident records: the open incidents worst first, then
// newest first; the history newest first. It is pure: the same records and options
// make the same site.
func Build(records []incident.Record, o Options) Site {
	s := Site{Page: Page{ID: o.ID, Name: o.Name, URL: o.URL, Updated: o.Now.UTC()}}
	for _, r := range records {
		if r.Declared.IsZero() {
			continue // no declared entry: not an incident the toolkit ran
		}
		in := public(r, o.ShowNames)
		switch {
		case in.Open():
			s.Open = append(s.Open, in)
		case !in.Resolved.Before(o.Since):
			s.History = append(s.History, in)
		}
	}
	newest := func(a, b Incident) int { return cmp.Or(b.Created.Compare(a.Created), cmp.Compare(b.Number, a.Number)) }
	worst := func(a, b Incident) int {
		return cmp.Or(cmp.Compare(effectOf(b.Severity).rank, effectOf(a.Severity).rank), newest(a, b))
	}
	slices.SortFunc(s.Open, worst)
	slices.SortFunc(s.History, newest)
	s.Components = components(o.Services, s.Open, s.History, s.Page.Updated)
	s.Indicator, s.Summary = overall(s.Components)
	return s
}

// public is the incident as the public sees it: people's names withheld unless names.
func public(r incident.Record, names bool) Incident {
	eff := effectOf(r.Severity)
	in := Incident{Number: r.Number, ID: strconv.Itoa(r.Number), Title: oneLine(r.Title), Service: service(r.Service),
		Severity: r.Severity, Status: r.State, Impact: eff.Impact, Effect: eff.Status, Started: r.ImpactStart, Created: r.Declared,
		Updated: r.LastUpdate, Resolved: r.Resolved, Updates: messages(r)}
	if !names {
		in = withholdNames(in)
	}
	if in.Started.IsZero() {
		in.Started = r.Declared
	}
	if !r.Open && in.Resolved.IsZero() {
		in.Resolved = r.LastUpdate // closed by a rerun's fold without a time: never shown as open
	}
	for _, u := range in.Updates {
		if u.Status == incident.Monitoring {
			in.Monitored = u.At
		}
	}
	return in
}

// service is the component an incident belongs to.
func service(s string) string {
	if s = oneLine(s); s == "" {
		return Other
	}
	return s
}

// components lists the services, the configured ones first in their order, then the others by
// name; each has the worst status of its open incidents.
func components(configured []string, open, history []Incident, now time.Time) []Component {
	names := slices.Clone(configured)
	var seen []string
	for _, in := range slices.Concat(open, history) {
		if !containsFold(names, in.Service) && !containsFold(seen, in.Service) {
			seen = append(seen, in.Service)
		}
	}
	slices.SortFunc(seen, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	var out []Component
	for i, name := range append(names, seen...) {
		c := Component{ID: slug(name), Name: name, Status: Operational, Position: i + 1, Updated: now}
		for _, in := range open {
			if strings.EqualFold(in.Service, name) {
				c.Notice = c.Notice || in.Effect == Operational
				if rankOf(in.Effect) > rankOf(c.Status) {
					c.Status = in.Effect
				}
			}
		}
		c.Notice = c.Notice && c.Status == Operational // a worse incident says more than the notice
		c.Label = labels[c.Status]
		out = append(out, c)
	}
	return out
}

// overall is the page's indicator and description: the worst component's.
func overall(cs []Component) (string, string) {
	worst := Operational
	for _, c := range cs {
		if rankOf(c.Status) > rankOf(worst) {
			worst = c.Status
		}
	}
	d := indicators[worst]
	return d[0], d[1]
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

// slug is a name as an id: lower-case letters and digits, runs of anything else as one hyphen.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return cmp.Or(strings.TrimSuffix(b.String(), "-"), "service")
}
