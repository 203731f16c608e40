package config

import (
	"time"

	"github.com/bmatcuk/doublestar/v4"
)

// Release says how a merged hotfix is tagged. The branches it tags on are Branches.Production and
// the branches that match Branches.Release; a hotfix merged into a release branch is tagged on
// that branch's line.
type Release struct {
	// Prefix comes before the semver in tag names, such as "v" or "api/v"; "" means none; default "v".
	Prefix string `yaml:"prefix" json:"prefix"`
	// GitHubRelease also creates a GitHub Release for the tag; default false.
	GitHubRelease bool `yaml:"github_release" json:"github_release"`
	// RequireVerify refuses to tag when the hotfix head's hotfix/verify commit status is failing;
	// default true. Use VerifyRequired to read it.
	RequireVerify *bool `yaml:"require_verify" json:"require_verify"`
}

// VerifyRequired reports whether a failing hotfix/verify status stops the tag; unset means true.
func (r Release) VerifyRequired() bool {
	return r.RequireVerify == nil || *r.RequireVerify
}

// Backport says where a merged hotfix is carried forward, and how.
type Backport struct {
	// Targets are fixed target branches. Empty (the default) follows git-flow: each open release
	// branch, else Branches.Develop.
	Targets []string `yaml:"targets" json:"targets"`
	// Labels are added to every backport pull request; default ["backport"].
	Labels []string `yaml:"labels" json:"labels"`
	// Conflict says whether a conflicted backport fails the run; default "fail".
	Conflict Conflict `yaml:"conflict" json:"conflict"`
}

// Conflict is what a conflicted backport does to the run.
type Conflict string

// Conflict modes.
const (
	ConflictFail Conflict = "fail" // the run fails, naming the conflicted pull requests
	ConflictWarn Conflict = "warn" // the run warns and succeeds
)

// Conflicts are the valid conflict modes.
var Conflicts = []string{string(ConflictFail), string(ConflictWarn)}

// Postmortem says how the postmortem tracking issue and its action items are made.
type Postmortem struct {
	// Template is the path, from the repository root, of a Go text/template read from the base
	// branch like the policy; "" (the default) uses the built-in template.
	Template string `yaml:"template" json:"template"`
	// Label marks postmortem issues; default "postmortem".
	Label string `yaml:"label" json:"label"`
	// ActionLabel marks action-item issues; default "postmortem-action".
	ActionLabel string `yaml:"action_label" json:"action_label"`
	// DueHours is how long after the merge the postmortem is due, in hours; default 48.
	DueHours int `yaml:"due_hours" json:"due_hours"`
}

// maxDueHours is the largest postmortem.due_hours, a year.
const maxDueHours = 365 * 24

// Due returns how long after the merge the postmortem is due.
func (p Postmortem) Due() time.Duration {
	return time.Duration(p.DueHours) * time.Hour
}

// IsHotfixBranch reports whether name matches the hotfix glob, Branches.Hotfix.
func (p Policy) IsHotfixBranch(name string) bool {
	return matchBranch(p.Branches.Hotfix, name)
}

// IsReleaseBranch reports whether name matches the release and maintenance glob, Branches.Release.
func (p Policy) IsReleaseBranch(name string) bool {
	return matchBranch(p.Branches.Release, name)
}

// matchBranch reports whether name matches glob. As in doublestar, "hotfix/**" also matches
// "hotfix" itself. An empty name or glob, or a malformed glob, matches nothing.
func matchBranch(glob, name string) bool {
	if glob == "" || name == "" {
		return false
	}
	ok, err := doublestar.Match(glob, name)
	return err == nil && ok
}
