package merge

import (
	"context"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// Wiring is what a command has to wire the merge handling from: the repository, the policy of
// the PR's base branch, the postmortem template read from it, the severity input, the clock, and
// the toolkit's login (asked at most once).
type Wiring struct {
	Client      *github.Client
	Owner, Name string
	Policy      config.Policy
	Template    string
	Severity    string
	Now         func() time.Time
	Who         *identity.Who
}

// New wires the merge handling of pr: the tagger on the clock (polls wait as backport's do), the
// toolkit's login as the postmortem's author and, when the PR names an incident, as the login
// its log is read by (asked when the policy and the input name none).
func New(ctx context.Context, w Wiring, pr *github.PullRequest) (Deps, error) {
	d := w.plain()
	d.Template, d.Tagger, d.Author = w.Template, release.DefaultTagger, w.Who.Author(w.Policy.Incident.Identity)
	d.Tagger.Now = w.Now
	if incident.Ref(pr.GetBody()) == 0 {
		return d, nil
	}
	var err error
	d.Identity, err = w.Who.Login(ctx, w.Policy.Incident.Identity)
	return d, err
}

// ForPlan wires the plan of a dry run: the toolkit's login only when it is known without asking
// GitHub (the viewer query is a POST, and a dry run sends only GETs).
func ForPlan(w Wiring) Deps {
	d := w.plain()
	d.Identity, _ = w.Who.Known(w.Policy.Incident.Identity)
	return d
}

// plain is the repository, the policy, the severity and the clock.
func (w Wiring) plain() Deps {
	return Deps{Client: w.Client, Owner: w.Owner, Name: w.Name, Policy: w.Policy, Severity: w.Severity, Now: w.Now}
}

// Open wires the merge handling of pr (New) with the policy's postmortem template read from the
// PR's base branch (postmortem.ReadTemplate); a template the branch lacks is
// postmortem.ErrNoTemplate.
func Open(ctx context.Context, w Wiring, pr *github.PullRequest) (Deps, error) {
	var err error
	repo := postmortem.Repo{Owner: w.Owner, Name: w.Name}
	if w.Template, err = postmortem.ReadTemplate(ctx, w.Client, repo, w.Policy.Postmortem.Template, pr.GetBase().GetRef()); err != nil {
		return Deps{}, err
	}
	return New(ctx, w, pr)
}
