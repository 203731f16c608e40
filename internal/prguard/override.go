package prguard

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/guard"
	"github.com/incident-hotfix/incident-hotfix/internal/markdown"
)

// Override is what the override label means for a failing hotfix pull request: whether it is on
// the pull request, who applied it and when, and whether that person may override the guard.
type Override struct {
	label      string
	pr         bool // the target is a pull request, where the label can be applied
	errors     int  // the failures the label would turn into warnings
	applied    bool
	by         string
	at         time.Time
	permission string
	granted    bool
	event      int64  // the labeled event's id
	sha        string // the head commit the label was applied to; "" when unknown
	head       string // the head commit being guarded
}

// Granted reports whether the override turns the failures into warnings.
func (o Override) Granted() bool { return o.granted }

// findOverride looks for the override label on a failing pull request. Who applied it comes
// from the pull request's latest labeled or unlabeled event for the label, not from the payload,
// so a rerun sees a label removed since; that person's permission comes from the collaborator
// API. The label covers only the head commit it was applied to (see boundSHA): a later push is
// guarded without it. A passing result, or a push, needs none of these requests.
func findOverride(ctx context.Context, r Repo, q overrideQuery) (Override, error) {
	pr, label, res := q.PR, q.Label, q.Result
	ov := Override{label: label, pr: pr != nil, errors: res.Errors(), head: cmp.Or(q.Head, pr.GetHead().GetSHA())}
	if pr == nil || label == "" || res.Verdict != guard.Fail {
		return ov, nil
	}
	ev, err := lastLabelEvent(ctx, r, pr.GetNumber(), label)
	if err != nil || ev == nil || ev.GetEvent() != "labeled" {
		return ov, err
	}
	ov.applied, ov.by, ov.at, ov.event = true, ev.GetActor().GetLogin(), ev.GetCreatedAt().UTC(), ev.GetID()
	if ov.sha, err = boundSHA(ctx, r, q, ov.event); err != nil {
		return ov, fmt.Errorf("the commit %s was applied to: %w", label, err)
	}
	if ov.permission, err = gh.Permission(ctx, r.Client, r.Owner, r.Name, ov.by); err != nil {
		return ov, fmt.Errorf("%w, who applied %s", err, label)
	}
	ov.granted = gh.CanWrite(ov.permission) && ov.sha == ov.head
	return ov, nil
}

// lastLabelEvent reads every page of the pull request's events and returns the latest labeled
// or unlabeled event for label, or nil when there is none.
func lastLabelEvent(ctx context.Context, r Repo, number int, label string) (*github.IssueEvent, error) {
	var last *github.IssueEvent
	opts := &github.ListOptions{PerPage: 100}
	for {
		events, resp, err := r.Client.Issues.ListIssueEvents(ctx, r.Owner, r.Name, number, opts)
		if err != nil {
			return nil, fmt.Errorf("events of #%d: %w", number, err)
		}
		for _, e := range events {
			if (e.GetEvent() == "labeled" || e.GetEvent() == "unlabeled") && strings.EqualFold(e.GetLabel().GetName(), label) {
				last = e
			}
		}
		if resp.NextPage == 0 {
			return last, nil
		}
		opts.Page = resp.NextPage
	}
}

// Apply turns the failures into warnings when the override is granted.
func (o Override) Apply(res guard.Result) guard.Result {
	if !o.granted {
		return res
	}
	findings := slices.Clone(res.Findings)
	for i := range findings {
		if findings[i].Level == config.LevelError {
			findings[i].Level = config.LevelWarn
		}
	}
	res.Findings, res.Verdict = findings, guard.Pass
	return res
}

// Note explains the override in Markdown for the comment and the summary: who applied the label
// and when, or why it did not count, or how to apply it; "" when there is nothing to say.
func (o Override) Note() string {
	label := markdown.Code(o.label)
	who := func() string {
		return markdown.Mention(o.by) + " at " + o.at.Format("2006-01-02 15:04:05 UTC")
	}
	switch {
	case o.granted:
		return fmt.Sprintf("\n> [!WARNING]\n> **Overridden.** The label %s was applied by %s (permission: %s), so %s.\n",
			label, who(), o.permission, failures(o.errors))
	case o.applied && gh.CanWrite(o.permission):
		return o.lapseNote(label, who())
	case o.applied:
		return fmt.Sprintf("\n> [!CAUTION]\n> The label %s was applied by %s, whose permission is %s. Only a collaborator with write, maintain or admin access can override the guard, so the failures stand.\n",
			label, who(), o.permission)
	case o.pr && o.errors > 0 && o.label != "":
		return fmt.Sprintf("\nTo accept this hotfix as it is, a collaborator with write access can apply the label %s.\n", label)
	}
	return ""
}

// failures says how many failures became warnings.
func failures(n int) string {
	if n == 1 {
		return "its 1 failure is shown as a warning"
	}
	return fmt.Sprintf("its %d failures are shown as warnings", n)
}
