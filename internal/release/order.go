package release

import (
	"errors"
	"fmt"
	"slices"
)

// ErrBehindLine says that the merge commit does not contain the highest release of its line, so
// a tag on it would release a version without that release's changes.
var ErrBehindLine = errors.New("merge commit is behind its line")

// guardLine keeps a line's releases in order: a patch tag goes only on a commit that contains
// the line's highest release. When a later release on prev's line contains the target (a merge
// handled after a newer one), the plan reports it and creates nothing; when a higher release on
// the line does not contain the target either, tagging would regress the line, and it is an error.
// done is false when prev is the line's highest release, and the caller goes on.
func guardLine(plan Plan, prefix string, f Facts, prev Tag, existing []Tag) (Plan, error, bool) {
	line := prev.Line()
	if in, ok := releasedIn(f, prefix, &line); ok {
		return decideReleased(plan, f, in, prev.Name), nil, true
	}
	for _, t := range existing {
		if t.Line() == line && t.Version.GreaterThan(prev.Version) {
			return Plan{}, fmt.Errorf("%w: %s is the highest release of line %s, but %s at %s does not contain it; a tag here would release a version without its changes: merge %s into %s first",
				ErrBehindLine, t.Name, line, f.Base, short(f.Target), t.Name, f.Base), true
		}
	}
	return Plan{}, nil, false
}

// releasedIn is the lowest stable release (on line when set) that contains the target.
func releasedIn(f Facts, prefix string, line *Line) (Tag, bool) {
	tags, _ := releases(f.Containing, prefix, line)
	if len(tags) == 0 {
		return Tag{}, false
	}
	return slices.MinFunc(tags, func(a, b Tag) int { return a.Version.Compare(b.Version) }), true
}

// decideReleased reports that the target is already released in tag: nothing to create.
func decideReleased(plan Plan, f Facts, in Tag, prev string) Plan {
	plan.Tag, plan.PreviousTag, plan.Released = in.Name, prev, true
	plan.Reason = withLine(f, fmt.Sprintf("%s at %s is already released in %s, a later release that contains it, so there is nothing to create",
		f.Base, short(f.Target), in.Name))
	return plan
}
