// Package postmortem opens the tracking issue for an incident's postmortem, filled in with the
// facts the toolkit knows (severity, duration, timeline, the fix, its tag and backports), and
// leaves the sections only people can write.
package postmortem

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/go-github/v60/github"
)

// DueIn is how long after it opens a postmortem is due.
const DueIn = 48 * time.Hour

// Facts is everything the template may use. The fields are documented for people who override
// the template; every string that came from a person is escaped by the template's functions.
type Facts struct {
	Title     string // the incident's title, or the hotfix PR's
	Severity  string // P0..P3, or "" when unknown
	Incident  int    // the incident issue number, 0 when there is none
	Commander string // the incident commander's login, else the PR author's
	Service   string

	PR        PR
	Tag       string // the release tag, "" when none was made
	Backports []Backport
	// Fixes are every hotfix merged for the incident, oldest first; PR, Tag and Backports are
	// the one this run handled. See AllFixes.
	Fixes []Fix

	// The incident's timestamps, kept apart; a zero time is unknown.
	ImpactStart, Declared, Acknowledged, Mitigated, Resolved time.Time

	Events []Event // the incident's own timeline entries
	Opened time.Time
	// DueAfter is how long after Opened the postmortem is due; DueIn (48 hours) when zero.
	DueAfter time.Duration
}

// PR is the hotfix pull request.
type PR struct {
	Number   int
	Title    string
	URL      string
	Author   string
	Opened   time.Time
	Merged   time.Time
	MergeSHA string
}

// PRFrom is the hotfix PR's facts as GitHub has them. Only merged says merged: an open PR's
// merge_commit_sha is its test merge commit, so MergeSHA is kept only for a merged PR.
func PRFrom(pr *github.PullRequest) PR {
	out := PR{Number: pr.GetNumber(), Title: pr.GetTitle(), URL: pr.GetHTMLURL(), Author: pr.GetUser().GetLogin(),
		Opened: pr.GetCreatedAt().Time}
	if pr.GetMerged() {
		out.Merged, out.MergeSHA = pr.GetMergedAt().Time, pr.GetMergeCommitSHA()
	}
	return out
}

// Backport is one backport pull request.
type Backport struct {
	Target   string
	Number   int
	Conflict bool
}

// Event is one line of the timeline.
type Event struct {
	At   time.Time
	What string
	// Who is the login What ends with (" @login"), when it names a person: the timeline shows
	// them as the incident does, by markdown.MentionCell.
	Who string
}

// Due is when the postmortem is due: DueAfter (else DueIn) after it opens.
func (f Facts) Due() time.Time {
	if f.DueAfter > 0 {
		return f.Opened.Add(f.DueAfter)
	}
	return f.Opened.Add(DueIn)
}

// Duration is how long the impact lasted, and the formula it came from: from the impact start
// (else the declared time) to the resolution (else the merge of the fix).
func (f Facts) Duration() (time.Duration, string, bool) {
	start, startName := f.ImpactStart, "impact start"
	if start.IsZero() {
		start, startName = f.Declared, "declared"
	}
	end, endName := f.Resolved, "resolved"
	if end.IsZero() {
		end, endName = f.PR.Merged, "fix merged"
	}
	if start.IsZero() || end.IsZero() || end.Before(start) {
		return 0, "the incident has no impact-start or declared time, or no resolution or merge", false
	}
	d := end.Sub(start)
	formula := fmt.Sprintf("from %s (%s) to %s (%s)", startName, UTC(start), endName, UTC(end))
	return d, formula, true
}

// DurationText is the duration for people, or "unknown".
func (f Facts) DurationText() string {
	if d, _, ok := f.Duration(); ok {
		return Human(d)
	}
	return "unknown"
}

// Formula says which two timestamps the duration came from.
func (f Facts) Formula() string {
	_, formula, _ := f.Duration()
	return formula
}

// Timeline merges the incident's events with the hotfix's own milestones, oldest first.
func (f Facts) Timeline() []Event {
	events := slices.Clone(f.Events)
	add := func(at time.Time, what string) {
		if !at.IsZero() {
			events = append(events, Event{At: at, What: what})
		}
	}
	add(f.ImpactStart, "Impact started")
	add(f.Declared, "Incident declared")
	add(f.Mitigated, "Mitigated")
	add(f.Resolved, "Resolved")
	for _, x := range f.AllFixes() {
		events = append(events, x.milestones()...)
	}
	slices.SortStableFunc(events, func(a, b Event) int { return a.At.Compare(b.At) })
	return events
}

// UTC formats a time the one way the toolkit shows times.
func UTC(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// Human formats a duration in hours and minutes.
func Human(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d.Hours()), int(d.Minutes())%60
	switch {
	case h >= 24:
		return fmt.Sprintf("%dd %dh %dm", h/24, h%24, m)
	case h > 0:
		return fmt.Sprintf("%dh %dm", h, m)
	default:
		return fmt.Sprintf("%dm", m)
	}
}
