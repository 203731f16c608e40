package contract

import (
	"strings"
)

// Allowance excuses one known difference between GitHub's real behaviour and
// its description. Method, Path, Status and Pointer must all match; in
// Pointer, a "*" segment matches any one segment (an array index).
type Allowance struct {
	Method  string
	Path    string // the description's template
	Status  int
	Pointer string
	Reason  string
}

// allowlist is every known difference. Keep it short: each entry is a place
// where GitHub's description is wrong, not where a server is.
var allowlist = []Allowance{}

// excuse drops the violations the allow-list covers and returns the rest as
// an error, or nil when none is left.
func (c *Checker) excuse(found []Violation) error {
	var left Violations
	for _, v := range found {
		if !c.allows(v) {
			left = append(left, v)
		}
	}
	if len(left) == 0 {
		return nil
	}
	return left
}

// allows reports whether an allow-list entry matches v exactly.
func (c *Checker) allows(v Violation) bool {
	for _, a := range c.allowed {
		if a.Method == v.Method && a.Path == v.Path && a.Status == v.Status && pointerMatches(a.Pointer, v.Pointer) {
			return true
		}
	}
	return false
}

// pointerMatches compares JSON pointers segment by segment, "*" matching
// any one segment.
func pointerMatches(pattern, pointer string) bool {
	ps, vs := strings.Split(pattern, "/"), strings.Split(pointer, "/")
	if len(ps) != len(vs) {
		return false
	}
	for i := range ps {
		if ps[i] != "*" && ps[i] != vs[i] {
			return false
		}
	}
	return true
}
