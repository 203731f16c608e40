package incident

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/postmortem"
	"github.com/incident-hotfix/incident-hotfix/internal/refname"
)

// Declaration is what a person declares: the workflow_dispatch inputs.
type Declaration struct {
	RunID         int64 // the workflow run, so a rerun finds the issue it opened
	Title         string
	Severity      string
	Service       string
	Impact        string
	Commander     string
	ImpactStarted time.Time // zero when not given
	CreateBranch  bool
}

// Options are the policy and the environment an incident command runs under.
type Options struct {
	Identity   string           // the login the log is written as
	Label      string           // the incident label; Label when empty
	Production string           // the production branch
	Prefix     string           // the release tag prefix, for the last known good tag
	Window     time.Duration    // how far back recent changes go
	Scale      Scale            // the severities
	Now        func() time.Time // the clock, for the messages' "next update" times
	Postmortem postmortem.Options
	DueAfter   time.Duration // how long after it opens the postmortem is due
	// Rollback deploys the release a /rollback asks for; nil when the policy has no deploy.
	Rollback Roller
	// LastGood finds the release last deployed successfully before a time, and the rule; nil
	// when the policy has no deploy, and the last known good release is the newest tag before.
	LastGood func(ctx context.Context, before time.Time) (*Change, string, error)
}

func (o Options) label() string {
	if o.Label == "" {
		return config.Default().Incident.Label
	}
	return o.Label
}

// Check validates a declaration and returns it with its text tidied: one-line title and
// service, clipped texts, and the severity's canonical name. Every problem is listed.
func (d Declaration) Check(scale Scale, now time.Time) (Declaration, error) {
	var errs []error
	d.Title, d.Service = Clip(oneLine(d.Title), MaxTitle), Clip(oneLine(d.Service), MaxTitle)
	d.Impact, d.Commander = Clip(strings.TrimSpace(d.Impact), MaxText), strings.TrimPrefix(strings.TrimSpace(d.Commander), "@")
	if d.Title == "" {
		errs = append(errs, errors.New("title is empty; give the incident a title"))
	}
	sev, err := scale.Parse(d.Severity)
	errs = append(errs, err)
	d.Severity = sev.Name
	if d.Commander == "" {
		errs = append(errs, errors.New("no commander: name the incident commander's login (commander, --commander; the default is the person who started the workflow)"))
	} else if !validLogin(d.Commander) {
		errs = append(errs, fmt.Errorf("commander %q is not a GitHub login; give one user, such as octocat", Clip(d.Commander, 40)))
	}
	if d.ImpactStarted.After(now) {
		errs = append(errs, fmt.Errorf("impact_started %s is in the future", utc(d.ImpactStarted)))
	}
	return d, errors.Join(errs...)
}

// Opened is the outcome of Declare.
type Opened struct {
	Number  int    `json:"number"`
	URL     string `json:"url"`
	Branch  string `json:"branch,omitempty"`
	Created bool   `json:"created"`
	// Warnings say what a person should know about a rerun: its incident is closed, or the run
	// id declared another incident with other inputs.
	Warnings []string `json:"warnings,omitempty"`
	Record   Record   `json:"-"`
	Alert    string   `json:"-"` // the Initial Alert, for notifications
}

// Declare opens the incident issue for d (checked with Check), cuts its hotfix branch when asked,
// and writes the declared entry. A rerun of the same workflow run finds the issue by its run
// marker, and writes nothing twice.
func Declare(ctx context.Context, c *github.Client, repo Repo, d Declaration, o Options) (Opened, error) {
	now := o.Now().UTC()
	cutoff := now
	if !d.ImpactStarted.IsZero() {
		cutoff = d.ImpactStarted
	}
	facts, err := Recent(ctx, c, repo, o.Production, o.Prefix, o.Window, cutoff, now)
	if err != nil {
		return Opened{}, err
	}
	if err := facts.deployedGood(ctx, o.LastGood, cutoff); err != nil {
		return Opened{}, err
	}
	entry := declaredEntry(d)
	if d.CreateBranch {
		if entry.Branch, err = cutBranch(ctx, c, repo, o.Production, d.Title); err != nil {
			return Opened{}, err
		}
	}
	sev, _ := o.Scale.Get(d.Severity)
	draft := Fold([]Entry{withTime(entry, now)})
	alert := Alert(draft, sev, now)
	found, err := openIssue(ctx, c, repo, d, markInputs(issueBody(d.RunID, draft, o.Scale, alert, facts), d), o)
	if err != nil {
		return Opened{}, err
	}
	issue, created := found.issue, found.created
	out := Opened{Number: issue.GetNumber(), URL: issue.GetHTMLURL(), Branch: entry.Branch, Created: created, Alert: alert,
		Warnings: found.warnings(d)}
	out.Record, err = writeDeclared(ctx, c, repo, issue, entry, o)
	return out, err
}

func declaredEntry(d Declaration) Entry {
	return Entry{Type: Declared, Severity: d.Severity, Title: d.Title, Service: d.Service, Impact: d.Impact,
		Commander: d.Commander, ImpactStarted: d.ImpactStarted.UTC(),
		Message: fmt.Sprintf("**Incident declared** at %s by %s. The Initial Alert is in the description above.", d.Severity, mention(d.Commander))}
}

func withTime(e Entry, t time.Time) Entry { e.Time = t; return e }

// openIssue finds the issue this run opened with these inputs, by its markers and its author,
// or opens it; a declaration with no run (RunID 0) always opens one. An issue of the same run with other inputs is noted, not reused: under act, or
// with a replayed run id, a new dispatch shares the run id, and it is a new incident.
func openIssue(ctx context.Context, c *github.Client, repo Repo, d Declaration, body string, o Options) (opened, error) {
	out, label := opened{}, o.label()
	run, inputs := runMarker(d.RunID), inputsMarker(d)
	find := func(ctx context.Context) (*github.Issue, bool, error) {
		if d.RunID == 0 { // typed at a terminal: no workflow run, so nothing it could be a rerun of
			return nil, false, nil
		}
		return postmortem.FindWhere(ctx, c, postmortem.Repo(repo), label, func(is *github.Issue) bool {
			if !strings.HasPrefix(is.GetBody(), run) {
				return false
			}
			if !strings.Contains(is.GetBody(), inputs) {
				out.other = is
				return false
			}
			return true
		}, postmortem.Login(o.Identity))
	}
	create := func(ctx context.Context) (*github.Issue, error) {
		title := fmt.Sprintf("[%s] %s", d.Severity, d.Title)
		labels := []string{label, "severity/" + d.Severity, "status/" + Investigating}
		is, _, err := c.Issues.Create(ctx, repo.Owner, repo.Name, &github.IssueRequest{Title: &title, Body: &body, Labels: &labels})
		out.created = err == nil
		return is, err
	}
	issue, err := gh.Ensure(ctx, find, create)
	if err != nil {
		return out, fmt.Errorf("open the incident issue %q: %w", d.Title, gh.Explain(err))
	}
	out.issue = issue
	return out, nil
}

// writeDeclared appends the declared entry unless the log has one, then re-renders the summary
// from the log, so the declared time shown is the server's.
func writeDeclared(ctx context.Context, c *github.Client, repo Repo, issue *github.Issue, e Entry, o Options) (Record, error) {
	n := issue.GetNumber()
	entries, _, _, err := scan(ctx, c, repo, n, o.Identity)
	if err != nil {
		return Record{}, err
	}
	if Fold(entries).Declared.IsZero() {
		cm, err := Append(ctx, c, repo, n, e)
		if err != nil {
			return Record{}, err
		}
		got, ok := FromComment(cm, o.Identity)
		if !ok {
			return Record{}, fmt.Errorf("incident #%d: the declared entry was written as %s, but the identity is %s; set the identity input (or the policy's incident.identity) to the login the token writes as",
				n, cm.GetUser().GetLogin(), o.Identity)
		}
		entries = append(entries, got)
	}
	return syncIssue(ctx, c, repo, issue, known{entries: entries}, o)
}

// cutBranch creates hotfix/<slug of title> at the production branch's head. A branch of that name
// at the same commit is reused (a rerun); one elsewhere is someone else's, so -2, -3, ... follow.
func cutBranch(ctx context.Context, c *github.Client, repo Repo, production, title string) (string, error) {
	head, _, err := c.Git.GetRef(ctx, repo.Owner, repo.Name, "heads/"+production)
	if err != nil {
		return "", fmt.Errorf("read the production branch %s: %w", production, gh.Explain(err))
	}
	sha, base := head.GetObject().GetSHA(), "hotfix/"+refname.Slug(title)
	for i := 1; i <= 9; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		if err := refname.Check(name); err != nil {
			return "", err
		}
		ok, err := ensureBranch(ctx, c, repo, name, sha)
		if ok || err != nil {
			return name, err
		}
	}
	return "", fmt.Errorf("branches %s to %s-9 all exist elsewhere; delete old ones or rename the incident", base, base)
}

// ensureBranch creates name at sha, or finds it there; false when it exists at another commit.
func ensureBranch(ctx context.Context, c *github.Client, repo Repo, name, sha string) (bool, error) {
	ref := "refs/heads/" + name
	_, _, err := c.Git.CreateRef(ctx, repo.Owner, repo.Name, &github.Reference{Ref: &ref, Object: &github.GitObject{SHA: &sha}})
	if err == nil {
		return true, nil
	}
	if k := gh.Kind(err); k != gh.Validation && k != gh.Uncertain {
		return false, fmt.Errorf("create branch %s: %w", name, gh.Explain(err))
	}
	got, _, err := c.Git.GetRef(ctx, repo.Owner, repo.Name, "heads/"+name)
	if err != nil {
		return false, fmt.Errorf("read branch %s back: %w", name, gh.Explain(err))
	}
	return got.GetObject().GetSHA() == sha, nil
}
