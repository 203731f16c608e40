package release

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/semver"
)

// ErrNoRelease says that there is no stable release tag to patch, so there is no next patch to
// choose: a hotfix patches a released version.
var ErrNoRelease = errors.New("no release to patch")

// Facts are what is known about a repository's tags when choosing the release tag.
type Facts struct {
	// Base names the branch or ref the hotfix merged into, for the reason.
	Base string
	// Target is the commit to tag: the pull request's merge commit, or the base's commit in a dry run.
	Target string
	// Contained lists tag names that Target contains (git tag --merged, or confirmed by compare).
	Contained []string
	// AtTarget lists tag names that already point at Target.
	AtTarget []string
	// Existing lists every tag name seen, contained or not, so the next tag is never one that exists.
	Existing []string
	// Containing lists tag names whose commit contains Target: releases made after this merge
	// (git tag --contains, or compare status "behind").
	Containing []string
	// Line, when set, limits the choice to one line; LineReason says which branch named it.
	Line       *Line
	LineReason string
	// ReleaseBranches are the branches whose names start with the maintenance glob's literal
	// part, when the request that read the newest tags read them all too (BranchesRead), for
	// the backport's targets; Decide does not use them.
	ReleaseBranches []string
	BranchesRead    bool
}

// Plan is the release tag to make, or the one a previous run made, and why.
type Plan struct {
	Tag         string `json:"tag"`
	PreviousTag string `json:"previous_tag"`
	Target      string `json:"target"`
	// Exists is set when Tag already points at Target: a re-run, with nothing to create.
	Exists bool `json:"exists"`
	// Released is set when Tag, a later release on the line, already contains Target: a merge
	// handled after a newer one, with nothing to create.
	Released bool   `json:"released,omitempty"`
	Reason   string `json:"reason"`
	// Ignored says why tags that look like this prefix's versions are not release tags.
	Ignored []string `json:"ignored,omitempty"`
}

// Decide chooses the release tag from facts: the highest stable tag with prefix that Target
// contains (on Line when set) is the previous tag, and its patch plus one, skipping versions that
// exist anywhere, is the tag. A stable tag of the line already at Target is reported instead.
func Decide(prefix string, f Facts) (Plan, error) {
	contained, ignored := releases(f.Contained, prefix, f.Line)
	plan := Plan{Target: f.Target, Ignored: ignored}
	at, _ := releases(f.AtTarget, prefix, f.Line)
	if len(at) > 0 {
		return decideExisting(plan, prefix, f, at[0], contained), nil
	}
	if len(contained) == 0 {
		if in, ok := releasedIn(f, prefix, f.Line); ok {
			return decideReleased(plan, f, in, ""), nil
		}
		return Plan{}, noRelease(prefix, f)
	}
	existing, _ := releases(append(slices.Clone(f.Existing), f.Contained...), prefix, nil)
	prev := contained[0]
	if p, err, done := guardLine(plan, prefix, f, prev, existing); done {
		return p, err
	}
	next, skipped := nextFree(prev, existing)
	plan.Tag, plan.PreviousTag = Format(prefix, next), prev.Name
	plan.Reason = reason(prefix, f, prev, plan.Tag, skipped, existing)
	return plan, nil
}

// decideExisting reports a tag that already points at the target, with the highest release below it.
func decideExisting(plan Plan, prefix string, f Facts, at Tag, contained []Tag) Plan {
	plan.Tag, plan.Exists = at.Name, true
	for _, t := range contained {
		if t.Version.LessThan(at.Version) {
			plan.PreviousTag = t.Name
			break
		}
	}
	plan.Reason = fmt.Sprintf("%s already points at %s in %s, so there is nothing to create", at.Name, short(f.Target), f.Base)
	plan.Reason = withLine(f, plan.Reason)
	return plan
}

// releases parses names into the stable release tags with prefix, on line when set, highest first.
// It also returns why near-misses (names that start with the prefix in any case) were refused.
func releases(names []string, prefix string, line *Line) ([]Tag, []string) {
	var tags []Tag
	var ignored []string
	for _, name := range names {
		t, err := ParseTag(name, prefix)
		switch {
		case err != nil && nearMiss(name, prefix):
			ignored = append(ignored, err.Error())
		case err != nil, !t.Stable(), line != nil && t.Line() != *line:
		default:
			tags = append(tags, t)
		}
	}
	slices.SortFunc(tags, byPrecedence)
	return slices.CompactFunc(tags, func(a, b Tag) bool { return a.Name == b.Name }), ignored
}

// nearMiss reports whether name is the prefix, in any case, then a digit: a name a person may
// have meant as a release tag (V2.5.1, v2.10, v1.02.3).
func nearMiss(name, prefix string) bool {
	n := len(prefix)
	return len(name) > n && strings.EqualFold(name[:n], prefix) && name[n] >= '0' && name[n] <= '9'
}

// byPrecedence orders tags highest first. Versions equal in precedence (1.2.3 and 1.2.3+build)
// put the one without build metadata first, then go by name, so the order is total.
func byPrecedence(a, b Tag) int {
	if c := b.Version.Compare(a.Version); c != 0 {
		return c
	}
	if am, bm := a.Version.Metadata() != "", b.Version.Metadata() != ""; am != bm {
		if am {
			return 1
		}
		return -1
	}
	return strings.Compare(a.Name, b.Name)
}

// nextFree returns prev's patch plus one, stepping past versions that an existing tag already
// has (equal precedence counts, so v1.2.4+build takes 1.2.4). It also returns the skipped ones.
func nextFree(prev Tag, existing []Tag) (*semver.Version, []string) {
	v := prev.Version
	var skipped []string
	for {
		n := semver.New(v.Major(), v.Minor(), v.Patch()+1, "", "")
		i := slices.IndexFunc(existing, func(t Tag) bool { return t.Version.Equal(n) })
		if i < 0 {
			return n, skipped
		}
		skipped = append(skipped, existing[i].Name)
		v = n
	}
}

// reason explains the choice in one line, for people.
func reason(prefix string, f Facts, prev Tag, tag string, skipped []string, existing []Tag) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s is the highest stable %s in %s, so the next patch is %s", prev.Name, label(prefix), f.Base, tag)
	if len(skipped) > 0 {
		fmt.Fprintf(&b, "; skipped %s, taken by tags that %s does not contain", strings.Join(skipped, ", "), f.Base)
	}
	if other := higherElsewhere(prev, existing); other != "" {
		fmt.Fprintf(&b, "; %s is on another line", other)
	}
	return withLine(f, b.String())
}

// higherElsewhere names the highest existing release above prev on another line, if any.
func higherElsewhere(prev Tag, existing []Tag) string {
	for _, t := range existing {
		if t.Version.GreaterThan(prev.Version) && t.Line() != prev.Line() {
			return t.Name
		}
	}
	return ""
}

// withLine prefixes a reason with where the line came from, when a branch named it.
func withLine(f Facts, s string) string {
	if f.Line == nil || f.LineReason == "" {
		return s
	}
	return f.LineReason + "; " + s
}

// noRelease explains that nothing can be patched.
func noRelease(prefix string, f Facts) error {
	where := f.Base
	if f.Line != nil {
		where = fmt.Sprintf("%s on line %s", f.Base, f.Line)
	}
	return fmt.Errorf("%w: %s contains no stable %s; tag the release first, and hotfixes then bump its patch",
		ErrNoRelease, where, label(prefix))
}

// label names the kind of tag for messages: "v-tag", or "semver tag" without a prefix.
func label(prefix string) string {
	if prefix == "" {
		return "semver tag"
	}
	return prefix + "-tag"
}

// short abbreviates a commit SHA for messages.
func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
