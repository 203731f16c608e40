package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

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
// runner's variables, checked.
func (c *incidentCmd) declaration(env *Env, t event.Trigger, scale incident.Scale) (incident.Declaration, error) {
	in := func(flagValue, name string) string { return firstSet(flagValue, t.Inputs[name]) }
	d := incident.Declaration{RunID: t.RunID,
		Title: in(c.decl.Title, "title"), Severity: in(c.decl.Severity, "severity"), Service: in(c.decl.Service, "service"),
		Impact: in(c.decl.Impact, "impact"), Commander: firstSet(c.decl.Commander, t.Inputs["commander"], t.Actor)}
	if s := in(c.impactStart, "impact_started"); s != "" {
		at, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return d, fmt.Errorf("impact_started %q is not an RFC 3339 time, such as 2026-03-04T09:40:00Z", s)
		}
		d.ImpactStarted = at.UTC()
	}
	branch := strings.ToLower(in(c.createBranch, "create_branch"))
	if branch != "" && branch != "true" && branch != "false" {
		return d, fmt.Errorf("create_branch %q is not true or false", branch)
	}
	d.CreateBranch = branch == "true"
	return d.Check(scale, env.Now().UTC())
}
