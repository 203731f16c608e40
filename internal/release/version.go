// Package release chooses and makes the patch tag of a merged hotfix: the version line the hotfix
// belongs to, the next patch on it (pure), and the annotated tag on the merge commit (apply).
package release

import (
	"errors"
	"fmt"
	"strings"

	"github.com/incident-hotfix/incident-hotfix/internal/semver"
)

// DefaultPrefix is the prefix of release tags unless configured otherwise.
const DefaultPrefix = "v"

// Tag is a git tag whose name is a release version: the prefix, then strict semver
// MAJOR.MINOR.PATCH with optional pre-release and build metadata.
type Tag struct {
	Name    string
	Version *semver.Version
}

// Stable reports whether the tag is a release rather than a pre-release. Build metadata does not
// make a version unstable: semver ignores it for precedence (https://semver.org/#spec-item-10).
func (t Tag) Stable() bool { return t.Version.Prerelease() == "" }

// Line is the tag's MAJOR.MINOR.
func (t Tag) Line() Line { return Line{Major: t.Version.Major(), Minor: t.Version.Minor()} }

// ParseTag reads name as a release tag with prefix. It refuses rather than guesses: the error says
// why a name is not a release tag of this prefix.
func ParseTag(name, prefix string) (Tag, error) {
	rest, ok := strings.CutPrefix(name, prefix)
	if !ok {
		return Tag{}, prefixError(name, prefix)
	}
	if err := checkShape(rest); err != nil {
		return Tag{}, fmt.Errorf("tag %q: %w", name, err)
	}
	v, err := semver.StrictNewVersion(rest)
	if err != nil {
		return Tag{}, fmt.Errorf("tag %q: %q is not strict semver MAJOR.MINOR.PATCH: %w", name, rest, err)
	}
	return Tag{Name: name, Version: v}, nil
}

// prefixError explains a name without the prefix, naming the likely cause: a prefix that differs
// only in case (V2.5.1), or another component's prefix in a monorepo (api/v3.5.0).
func prefixError(name, prefix string) error {
	switch {
	case len(name) >= len(prefix) && strings.EqualFold(name[:len(prefix)], prefix):
		return fmt.Errorf("tag %q: prefixes are case-sensitive and this one is not %q", name, prefix)
	case prefix != "" && strings.Contains(name, "/"+prefix):
		return fmt.Errorf("tag %q: belongs to another component's prefix, not %q", name, prefix)
	default:
		return fmt.Errorf("tag %q: does not start with the prefix %q", name, prefix)
	}
}

// errShape is the kind of a version that semver would reject and a person might read as valid.
var errShape = errors.New("not MAJOR.MINOR.PATCH")

// checkShape refuses the look-alikes that a lenient parser would coerce: two-part versions
// (2.10 is not 2.10.0 to us) and numbers with leading zeros (1.02.3 is not 1.2.3).
func checkShape(v string) error {
	core, _, _ := strings.Cut(v, "+")
	core, _, _ = strings.Cut(core, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return fmt.Errorf("%q has %d numbers, %w; refusing to guess the rest", v, len(parts), errShape)
	}
	for _, p := range parts {
		if len(p) > 1 && p[0] == '0' {
			return fmt.Errorf("%q has a number with a leading zero, which semver forbids; refusing to guess", v)
		}
	}
	return nil
}

// Line is a release line, MAJOR.MINOR: the tags a maintenance branch gets its patches from.
type Line struct {
	Major, Minor uint64
}

// String formats the line as MAJOR.MINOR.
func (l Line) String() string { return fmt.Sprintf("%d.%d", l.Major, l.Minor) }

// RefPrefix is the tag-ref prefix that lists the line's tags on the server:
// "tags/v1.1." for prefix "v" and line 1.1.
func (l Line) RefPrefix(prefix string) string {
	return "tags/" + prefix + l.String() + "."
}

// Format returns the tag name for version v: the prefix, then v without its own prefix (semver's
// String drops any "v").
func Format(prefix string, v *semver.Version) string { return prefix + v.String() }
