package release

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Branches says which branch names carry a release line.
type Branches struct {
	// Maintenance is the glob of maintenance branches whose last segment names a line, such as
	// "release/*" for release/1.1; default "release/*".
	Maintenance string
	// Hotfix is the glob of git-flow hotfix branches whose last segment names the version they
	// make, such as "hotfix/**" for hotfix/1.2.4; default "hotfix/**".
	Hotfix string
}

// lineOf returns the line that a merge's branch names state, and why, when they state one: first
// a maintenance base branch (release/1.1), then a git-flow hotfix head (hotfix/1.2.4 or
// hotfix/v1.2.4). Other names state no line, and the caller must look at every tag.
func lineOf(base, head, prefix string, b Branches) (Line, string, bool) {
	if l, ok := namedLine(base, b.Maintenance, prefix, 2, 3); ok {
		return l, fmt.Sprintf("the base branch %s names line %s, so tags of other lines do not count", base, l), true
	}
	if l, ok := namedLine(head, b.Hotfix, prefix, 3, 3); ok {
		return l, fmt.Sprintf("the git-flow hotfix branch %s names line %s, so tags of other lines do not count", head, l), true
	}
	return Line{}, "", false
}

// namedLine reads the line from branch when it matches glob and its last segment is a version of
// between min and max numbers, with or without prefix.
func namedLine(branch, glob, prefix string, min, max int) (Line, bool) {
	if glob == "" || branch == "" {
		return Line{}, false
	}
	if ok, err := doublestar.Match(glob, branch); err != nil || !ok {
		return Line{}, false
	}
	last := branch[strings.LastIndex(branch, "/")+1:]
	if prefix != "" {
		last = strings.TrimPrefix(last, prefix)
	}
	nums, ok := numbers(last)
	if !ok || len(nums) < min || len(nums) > max {
		return Line{}, false
	}
	return Line{Major: nums[0], Minor: nums[1]}, true
}

// numbers parses dot-separated decimal numbers without leading zeros, as semver writes them.
func numbers(s string) ([]uint64, bool) {
	var out []uint64
	for _, p := range strings.Split(s, ".") {
		if p == "" || (len(p) > 1 && p[0] == '0') || strings.TrimLeft(p, "0123456789") != "" {
			return nil, false
		}
		n, err := strconv.ParseUint(p, 10, 64)
		if err != nil {
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}
