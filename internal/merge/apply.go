package merge

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// apply carries out the plan p, decided from f: it makes the tag, opens the backports to the
// targets the tag's line calls for, then opens or refreshes the postmortem and links them all on
// the incident. It reads the tags again only on a race for the number. The incident's log and the
// postmortem are read right before they are written, as find-or-create (see facts).
func (d Deps) apply(ctx context.Context, pr *github.PullRequest, p Plan, f Facts) (Result, error) {
	out := Result{Backports: []backport.Result{}, Incident: p.Incident}
	var errs []error
	if rel, err := d.tag(ctx, pr, p, f); err == nil {
		out.Release = &rel
	} else {
		errs = append(errs, fmt.Errorf("release: %w", err))
	}
	var err error
	if out.Deploy, err = d.deploy(ctx, pr, out.Release); err != nil {
		errs = append(errs, fmt.Errorf("deploy: %w", err))
	}
	bps, err := d.openBackports(ctx, pr, out.Release, f)
	out.Backports = append(out.Backports, bps...)
	if err != nil {
		errs = append(errs, fmt.Errorf("backport: %w", err))
	}
	rec, err := d.record(ctx, out.Incident)
	if err != nil {
		out.Warnings = append(out.Warnings, fmt.Sprintf("incident: %v; the postmortem is filled in from the PR alone", err))
	}
	if pm, err := d.postmortem(ctx, pr, out, rec); err == nil {
		out.Postmortem = &pm
	} else {
		errs = append(errs, fmt.Errorf("postmortem: %w", err))
	}
	if rec != nil {
		if err := d.link(ctx, *rec, pr, out); err != nil {
			errs = append(errs, fmt.Errorf("incident #%d: %w", rec.Number, err))
		}
	}
	for _, e := range errs {
		out.Errors = append(out.Errors, e.Error())
	}
	return out, errors.Join(errs...)
}

// tag makes the plan's tag from the facts it was decided from (release.RunFrom decides it again,
// the same way, and reads again only on a race for the number). The verify gate's note joins the
// reason.
func (d Deps) tag(ctx context.Context, pr *github.PullRequest, p Plan, f Facts) (release.Result, error) {
	if f.ReleaseProblem != nil {
		return release.Result{}, f.ReleaseProblem
	}
	in := release.Input{Repo: release.Repo{Owner: d.Owner, Name: d.Name}, PR: pr, IncidentURL: issueURL(pr, p.Incident)}
	res, err := release.RunFrom(ctx, d.Client, in, d.releaseConfig(), f.Release)
	if err == nil && f.GateNote != "" {
		res.Reason += "; " + f.GateNote
	}
	return res, err
}

// openBackports opens the backports to the targets decided from the tag that was made (or, with
// none, develop alone), from the release branches the facts hold.
func (d Deps) openBackports(ctx context.Context, pr *github.PullRequest, rel *release.Result, f Facts) ([]backport.Result, error) {
	if f.BranchesProblem != nil {
		return nil, f.BranchesProblem
	}
	return d.backport(ctx, pr, rel, d.decideTargets(d.rule(), pr, rel, f.ReleaseBranches))
}
