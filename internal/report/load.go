package report

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/actionitem"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
)

// Sources names the labels and the identity the history is read with.
type Sources struct {
	IncidentLabel, PostmortemLabel string
	Items                          actionitem.Options
	Identity                       string // the toolkit's own login: only its log comments count
}

// SourcesFor are the sources under policy p, whose records count when identity wrote them.
func SourcesFor(p config.Policy, identity string) Sources {
	return Sources{IncidentLabel: p.Incident.Label, PostmortemLabel: p.Postmortem.Label, Items: actionitem.OptionsFor(p), Identity: identity}
}

// Load reads the incidents updated since since (each one's log), every postmortem and every
// action item, and joins them: an incident's postmortem is the one whose marker names it.
func Load(ctx context.Context, c *github.Client, repo postmortem.Repo, src Sources, since time.Time) ([]Incident, error) {
	records, err := incident.FindLabeled(ctx, c, incident.Repo(repo), orLabel(src.IncidentLabel, config.Default().Incident.Label), src.Identity, since)
	if err != nil {
		return nil, err
	}
	reviews, err := actionitem.List(ctx, c, repo, orLabel(src.PostmortemLabel, "postmortem"), "all")
	if err != nil {
		return nil, err
	}
	items, err := actionitem.List(ctx, c, repo, orLabel(src.Items.Label, "postmortem-action"), "all")
	if err != nil {
		return nil, err
	}
	byIncident := map[int]*github.Issue{}
	for _, pm := range reviews {
		if n := incidentOf(pm.GetBody()); n > 0 && byIncident[n] == nil {
			byIncident[n] = pm
		}
	}
	out := make([]Incident, 0, len(records))
	for _, r := range records {
		out = append(out, join(r, byIncident[r.Number], items, src.Items.DueDays))
	}
	return out, nil
}

// join makes the report's view of a record, with its postmortem and that postmortem's items.
func join(r incident.Record, pm *github.Issue, items []*github.Issue, days map[string]int) Incident {
	in := Incident{Number: r.Number, Severity: r.Severity, ImpactStart: r.ImpactStart, Declared: r.Declared,
		Acknowledged: r.Acknowledged, Mitigated: r.Mitigated, Resolved: r.Resolved}
	if pm == nil {
		return in
	}
	in.PostmortemDone = pm.GetClosedAt().Time // zero while it is open
	for _, it := range actionitem.Of(items, actionitem.ParentOf(pm), days) {
		in.Items = append(in.Items, Item{Deadline: it.Deadline(), Closed: it.Closed})
	}
	return in
}

// incidentOf reads the incident number from a postmortem's leading marker; 0 when it has none.
func incidentOf(body string) int {
	const prefix = "<!-- hotfix:postmortem incident="
	rest, ok := strings.CutPrefix(body, prefix)
	if !ok {
		return 0
	}
	num, _, _ := strings.Cut(rest, " ")
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0
	}
	return n
}

func orLabel(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
