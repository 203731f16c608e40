package postmortem

import (
	"fmt"
	"slices"
	"time"
)

// Fix is one hotfix merged for the incident: its pull request, its tag and its backports. An
// incident may take several (a fix, then a second one into a maintenance branch); the postmortem
// names every one.
type Fix struct {
	PR        PR
	Tag       string // "" when none was made
	Backports []Backport
}

// AllFixes is every hotfix of the postmortem, in the order they merged: Fixes, or the one that
// PR, Tag and Backports describe when Fixes is empty (a template or a caller that sets only those).
func (f Facts) AllFixes() []Fix {
	if len(f.Fixes) > 0 || f.PR.Number == 0 {
		return f.Fixes
	}
	return []Fix{{PR: f.PR, Tag: f.Tag, Backports: f.Backports}}
}

// AddFix adds x to Fixes, or completes the fix of the same PR already there: the PR's facts as
// given when they are known, its tag when it has one, and every backport once. PR, Tag and
// Backports then describe x's PR, for templates that name one fix.
func (f *Facts) AddFix(x Fix) {
	i := slices.IndexFunc(f.Fixes, func(have Fix) bool { return have.PR.Number == x.PR.Number })
	if i < 0 {
		f.Fixes = append(f.Fixes, x)
		i = len(f.Fixes) - 1
	} else {
		f.Fixes[i] = merged(f.Fixes[i], x)
	}
	got := f.Fixes[i]
	f.PR, f.Tag, f.Backports = got.PR, got.Tag, got.Backports
}

// merged is fix have completed by what x knows.
func merged(have, x Fix) Fix {
	if x.PR.URL != "" || !x.PR.Merged.IsZero() {
		have.PR = x.PR
	}
	if x.Tag != "" {
		have.Tag = x.Tag
	}
	for _, b := range x.Backports {
		j := slices.IndexFunc(have.Backports, func(o Backport) bool { return o.Number == b.Number })
		if j < 0 {
			have.Backports = append(have.Backports, b)
		} else {
			have.Backports[j] = b
		}
	}
	return have
}

// milestones are the fix's lines on the timeline: its PR opened and merged, its tag and its
// backports, at the merge. A fix whose merge time is unknown has none: the incident's log shows
// when each of its objects was linked instead.
func (x Fix) milestones() []Event {
	var out []Event
	add := func(at time.Time, what string) {
		if !at.IsZero() {
			out = append(out, Event{At: at, What: what})
		}
	}
	add(x.PR.Opened, fmt.Sprintf("Hotfix PR #%d opened", x.PR.Number))
	add(x.PR.Merged, fmt.Sprintf("Hotfix PR #%d merged", x.PR.Number))
	if x.Tag != "" {
		add(x.PR.Merged, "Tagged "+x.Tag)
	}
	for _, b := range x.Backports {
		add(x.PR.Merged, fmt.Sprintf("Backport #%d opened to %s", b.Number, b.Target))
	}
	return out
}
