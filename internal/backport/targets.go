// Package backport brings a merged hotfix back to the branches that continue development, the way
// git-flow says: into each open release branch when there is one, otherwise into develop. It
// decides the targets (pure), then makes the branch and pull request for each (apply), and never
// reports a conflicted backport as a success.
package backport

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/incident-hotfix/incident-hotfix/internal/release"
)

// Target is one branch the hotfix goes back to, and why.
type Target struct {
	Branch string `json:"branch"`
	Reason string `json:"reason"`
}

// Line is a major.minor release line, such as 1.3 for release/1.3: the release package's.
type Line = release.Line

// older orders lines oldest first.
func older(l, o Line) bool {
	return l.Major < o.Major || (l.Major == o.Major && l.Minor < o.Minor)
}

// parseLine reads the release line from a branch's last path component: release/1.3 and
// release/v1.3.0 are line 1.3. It reports false for a name with no line in it.
func parseLine(branch string) (Line, bool) {
	s := strings.TrimPrefix(strings.TrimPrefix(path.Base(branch), "v"), "V")
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return Line{}, false
	}
	var nums [3]uint64
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 64)
		if err != nil || (len(p) > 1 && p[0] == '0') {
			return Line{}, false
		}
		nums[i] = n
	}
	return Line{Major: nums[0], Minor: nums[1]}, true
}

// Rule is how targets are chosen.
type Rule struct {
	// Develop is the integration branch, the target when no release is open.
	Develop string
	// Release is the glob release branches match, such as "release/*".
	Release string
	// Fixed, when not empty, replaces the git-flow choice with these branches.
	Fixed []string
}

// Targets chooses where a hotfix on line `shipped` (the line of the tag it was released as) goes
// back to. A release branch is open when its line is newer than the shipped line: it holds work
// that has not been released yet, so the fix must reach it before it ships. The branch the hotfix
// merged into is never a target.
func Targets(rule Rule, merged string, shipped Line, branches []string) []Target {
	if len(rule.Fixed) > 0 {
		out := []Target{}
		for _, b := range rule.Fixed {
			if b != merged {
				out = append(out, Target{Branch: b, Reason: "named in the policy's backport targets"})
			}
		}
		return out
	}
	open := openReleases(rule.Release, merged, shipped, branches)
	if len(open) > 0 {
		return open
	}
	reason := "no release branch is open, so git-flow sends the hotfix to develop"
	return []Target{{Branch: rule.Develop, Reason: reason}}
}

// openReleases lists the release branches on a newer line than shipped, oldest line first.
func openReleases(glob, merged string, shipped Line, branches []string) []Target {
	type cand struct {
		branch string
		line   Line
	}
	var cands []cand
	for _, b := range branches {
		if b == merged {
			continue
		}
		if ok, _ := doublestar.Match(glob, b); !ok {
			continue
		}
		if l, ok := parseLine(b); ok && older(shipped, l) {
			cands = append(cands, cand{b, l})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.line == b.line {
			return strings.Compare(a.branch, b.branch)
		}
		if older(a.line, b.line) {
			return -1
		}
		return 1
	})
	out := make([]Target, 0, len(cands))
	for _, c := range cands {
		out = append(out, Target{Branch: c.branch, Reason: fmt.Sprintf("release %s is open (newer than the shipped line %s), so git-flow sends the hotfix there instead of develop", c.line, shipped)})
	}
	return out
}
