// Package semver reads and orders versions as Semantic Versioning 2.0.0 defines them, strictly:
// MAJOR.MINOR.PATCH with no prefix, then an optional pre-release and build metadata. It builds
// nothing at start-up (no regular expressions), so a command that never reads a version pays
// nothing for it. https://semver.org/spec/v2.0.0.html
package semver

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Version is a parsed version. Build metadata is kept but plays no part in precedence.
type Version struct {
	major, minor, patch uint64
	pre, meta           string
}

// New is the version major.minor.patch with pre-release pre and build metadata meta, which
// must be valid (or empty); it does not check them.
func New(major, minor, patch uint64, pre, meta string) *Version {
	return &Version{major: major, minor: minor, patch: patch, pre: pre, meta: meta}
}

// ErrInvalid is the kind of every error StrictNewVersion returns.
var ErrInvalid = errors.New("invalid semantic version")

// StrictNewVersion reads s, which must be exactly MAJOR.MINOR.PATCH[-PRE][+META]: three numbers
// without leading zeros, no "v", and dot-separated identifiers of [0-9A-Za-z-] after them, the
// numeric pre-release ones without leading zeros.
func StrictNewVersion(s string) (*Version, error) {
	rest, meta, hasMeta := strings.Cut(s, "+")
	core, pre, hasPre := strings.Cut(rest, "-")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("%q: %w: want MAJOR.MINOR.PATCH", s, ErrInvalid)
	}
	var nums [3]uint64
	for i, p := range parts {
		n, err := number(p)
		if err != nil {
			return nil, fmt.Errorf("%q: %w: %v", s, ErrInvalid, err)
		}
		nums[i] = n
	}
	if err := identifiers(pre, hasPre, true); err != nil {
		return nil, fmt.Errorf("%q: %w: pre-release %v", s, ErrInvalid, err)
	}
	if err := identifiers(meta, hasMeta, false); err != nil {
		return nil, fmt.Errorf("%q: %w: build metadata %v", s, ErrInvalid, err)
	}
	return New(nums[0], nums[1], nums[2], pre, meta), nil
}

// number reads a version number: digits, no leading zero.
func number(p string) (uint64, error) {
	if p == "" || strings.Trim(p, "0123456789") != "" {
		return 0, fmt.Errorf("%q is not a number", p)
	}
	if len(p) > 1 && p[0] == '0' {
		return 0, fmt.Errorf("%q starts with a zero", p)
	}
	return strconv.ParseUint(p, 10, 64)
}

// identifiers checks dot-separated identifiers: present when given, non-empty, of
// [0-9A-Za-z-]; numeric ones without a leading zero where numericRule.
func identifiers(s string, given, numericRule bool) error {
	if !given {
		return nil
	}
	for id := range strings.SplitSeq(s, ".") {
		switch {
		case id == "":
			return fmt.Errorf("%q has an empty identifier", s)
		case strings.Trim(id, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-") != "":
			return fmt.Errorf("%q has a character outside [0-9A-Za-z-]", s)
		case numericRule && numeric(id) && len(id) > 1 && id[0] == '0':
			return fmt.Errorf("%q has a number with a leading zero", s)
		}
	}
	return nil
}

// numeric reports whether id is all digits.
func numeric(id string) bool { return id != "" && strings.Trim(id, "0123456789") == "" }

// Major, Minor, Patch, Prerelease and Metadata are the version's parts.
func (v *Version) Major() uint64      { return v.major }
func (v *Version) Minor() uint64      { return v.minor }
func (v *Version) Patch() uint64      { return v.patch }
func (v *Version) Prerelease() string { return v.pre }
func (v *Version) Metadata() string   { return v.meta }

// String is the version as MAJOR.MINOR.PATCH[-PRE][+META].
func (v *Version) String() string {
	s := fmt.Sprintf("%d.%d.%d", v.major, v.minor, v.patch)
	if v.pre != "" {
		s += "-" + v.pre
	}
	if v.meta != "" {
		s += "+" + v.meta
	}
	return s
}

// Compare is -1, 0 or 1 as v has lower, equal or higher precedence than o: the numbers, then a
// version with a pre-release below the one without, then the pre-release identifiers in turn.
// Build metadata is ignored (https://semver.org/#spec-item-11).
func (v *Version) Compare(o *Version) int {
	if c := cmp.Or(cmp.Compare(v.major, o.major), cmp.Compare(v.minor, o.minor), cmp.Compare(v.patch, o.patch)); c != 0 {
		return c
	}
	switch {
	case v.pre == o.pre:
		return 0
	case v.pre == "":
		return 1
	case o.pre == "":
		return -1
	}
	return comparePre(strings.Split(v.pre, "."), strings.Split(o.pre, "."))
}

// comparePre orders pre-releases identifier by identifier: numbers numerically and below words,
// words in ASCII order, and a shorter list below a longer one that it starts.
func comparePre(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if c := compareIdentifier(a[i], b[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

func compareIdentifier(a, b string) int {
	an, bn := numeric(a), numeric(b)
	switch {
	case an && bn:
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b)) // no leading zeros: longer is larger
	case an:
		return -1
	case bn:
		return 1
	}
	return strings.Compare(a, b)
}

// LessThan, GreaterThan and Equal compare by precedence (Compare).
func (v *Version) LessThan(o *Version) bool    { return v.Compare(o) < 0 }
func (v *Version) GreaterThan(o *Version) bool { return v.Compare(o) > 0 }
func (v *Version) Equal(o *Version) bool       { return v.Compare(o) == 0 }
