package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/incident-hotfix/incident-hotfix/internal/event"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// declare opens the incident: the flags, else the dispatch inputs, checked first.
func (c *incidentCmd) declare(ctx context.Context, env *Env, t event.Trigger, s incidentSession) error {
	d, err := c.declaration(env, t, s.opts.Scale)
	if err != nil {
		return Usage(err)
	}
	got, err := incident.Declare(ctx, s.remote.client, incident.Repo{Owner: s.remote.owner, Name: s.remote.name}, d, s.opts)
	if err != nil {
		return err
	}
	if got.Created {
		s.notifyText(ctx, env, incident.Notice(got.Record, got.Record.Entries[0], got.URL))
	}
	warnings := got.Warnings
	if w := incident.BranchWarning(got.Branch, s.opts.Identity); w != "" {
		warnings = append(warnings, w)
	}
	for _, w := range warnings {
		warn(env, w)
	}
	out := env.runner()
	sev, _ := s.opts.Scale.Get(d.Severity)
	if err := errors.Join(setOutputs(out, "incident", map[string]string{"incident": strconv.Itoa(got.Number), "branch": got.Branch}),
		out.Summary(incident.DeclareSummary(got, d, sev, warnings))); err != nil {
		return err
	}
	return c.print(env, got, fmt.Sprintf("incident #%d %s (created: %v, branch: %s)", got.Number, got.URL, got.Created, orNone(got.Branch)))
}

// declaration is the declaration from the flags, falling back to the dispatch inputs and the
// runner's variables, checked (incident.DeclarationFrom).
func (c *incidentCmd) declaration(env *Env, t event.Trigger, scale incident.Scale) (incident.Declaration, error) {
	given := incident.Given{Declaration: c.decl, ImpactStarted: c.impactStart, CreateBranch: c.createBranch}
	return incident.DeclarationFrom(given, t.Inputs, t.Actor, t.RunID, scale, env.Now().UTC())
}
