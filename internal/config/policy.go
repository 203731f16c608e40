// Package config is the policy file, .github/hotfix.yml: its types, defaults, validation with
// file:line:col errors, and its JSON Schema. The policy is always read from the base branch.
package config

// DefaultPath is where the policy lives in a repository.
const DefaultPath = ".github/hotfix.yml"

// Policy is the whole policy file. Every field has a default, so an empty file (or none) is valid.
type Policy struct {
	Branches   Branches   `yaml:"branches" json:"branches"`
	Guard      Guard      `yaml:"guard" json:"guard"`
	Release    Release    `yaml:"release" json:"release"`
	Backport   Backport   `yaml:"backport" json:"backport"`
	Postmortem Postmortem `yaml:"postmortem" json:"postmortem"`
	Verify     Verify     `yaml:"verify" json:"verify"`
	Incident   Incident   `yaml:"incident" json:"incident"`
	Deploy     Deploy     `yaml:"deploy" json:"deploy"`
	StatusPage StatusPage `yaml:"status_page" json:"status_page"`
}

// Branches names the git-flow branches.
type Branches struct {
	// Production is the branch hotfixes merge into; default "main".
	Production string `yaml:"production" json:"production"`
	// Develop is the integration branch backports go to; default "develop".
	Develop string `yaml:"develop" json:"develop"`
	// Hotfix is the glob a hotfix branch matches; default "hotfix/**".
	Hotfix string `yaml:"hotfix" json:"hotfix"`
	// Release is the glob of release and maintenance branches; default "release/*". A hotfix
	// merged into one is tagged on that branch's line, and git-flow backports go to the open ones.
	Release string `yaml:"release" json:"release"`
}

// Guard holds the minimal-change limits and rules.
type Guard struct {
	Limits `yaml:",inline" json:",inline"`
	// Allow lists path globs (doublestar, with **) a hotfix may touch; empty allows every path.
	Allow []string `yaml:"allow" json:"allow"`
	// Deny lists path globs a hotfix may not touch. Deny wins over Allow.
	Deny []string `yaml:"deny" json:"deny"`
	// DefaultDeny adds DefaultDenyGlobs to Deny; default true.
	DefaultDeny *bool `yaml:"default_deny" json:"default_deny"`
	// Rules sets each rule to "error" (the default), "warn" or "off", by rule id.
	Rules map[string]Level `yaml:"rules" json:"rules"`
	// Severity overrides the limits for an incident severity (P0..P3).
	Severity map[string]Limits `yaml:"severity" json:"severity"`
	// OverrideLabel turns the guard's failures into warnings when a collaborator with write
	// access or above applies it to the pull request; default "hotfix-override".
	OverrideLabel string `yaml:"override_label" json:"override_label"`
}

// Limits are the numeric limits of the guard. Zero in an override means "not overridden".
type Limits struct {
	MaxLines   int `yaml:"max_lines" json:"max_lines"`
	MaxFiles   int `yaml:"max_files" json:"max_files"`
	MaxCommits int `yaml:"max_commits" json:"max_commits"`
}

// Level is what a rule's finding does to the verdict.
type Level string

// Rule levels.
const (
	LevelError Level = "error"
	LevelWarn  Level = "warn"
	LevelOff   Level = "off"
)

// Severities are the incident severities, most urgent first.
var Severities = []string{"P0", "P1", "P2", "P3"}

// RuleIDs are the guard's rule ids, stable across versions.
var RuleIDs = []string{
	"max-lines", "max-files", "max-commits", "allow", "deny",
	"no-renames", "no-whitespace-only", "no-binary", "no-mode-change", "no-deletions", "no-merge-commits",
}

// DefaultDenyGlobs are the paths a hotfix should not touch unless the policy says otherwise:
// dependency manifests and lockfiles, database migrations, workflows, and the policy itself (read
// from the base branch, so a hotfix can't loosen its own limits, but a merged edit would loosen the
// next hotfix's).
var DefaultDenyGlobs = []string{
	"**/go.mod", "**/go.sum",
	"**/package.json", "**/package-lock.json", "**/npm-shrinkwrap.json", "**/yarn.lock", "**/pnpm-lock.yaml", "**/bun.lockb",
	"**/Cargo.toml", "**/Cargo.lock",
	"**/Gemfile", "**/Gemfile.lock",
	"**/pyproject.toml", "**/poetry.lock", "**/Pipfile", "**/Pipfile.lock", "**/requirements*.txt", "**/uv.lock",
	"**/composer.json", "**/composer.lock",
	"**/pom.xml", "**/build.gradle", "**/build.gradle.kts", "**/gradle.lockfile",
	"**/*.csproj", "**/packages.lock.json", "**/mix.lock", "**/pubspec.lock", "**/Podfile.lock",
	"**/migrations/**", "**/migrate/**", "**/db/migrate/**",
	".github/workflows/**", DefaultPath,
}

// Default returns the policy used when the repository has no policy file.
func Default() Policy {
	deny, verify, detect := true, true, true // separate, so changing one does not change the others
	return Policy{
		Branches: Branches{Production: "main", Develop: "develop", Hotfix: "hotfix/**", Release: "release/*"},
		Guard: Guard{
			Limits:      Limits{MaxLines: 200, MaxFiles: 10, MaxCommits: 10},
			Allow:       []string{},
			Deny:        []string{},
			DefaultDeny: &deny,
			Rules:       map[string]Level{},
			Severity: map[string]Limits{
				"P0": {MaxLines: 500, MaxFiles: 25, MaxCommits: 20},
			},
			OverrideLabel: "hotfix-override",
		},
		Release:    Release{Prefix: "v", GitHubRelease: false, RequireVerify: &verify},
		Backport:   Backport{Targets: []string{}, Labels: []string{"backport"}, Conflict: ConflictFail},
		Postmortem: Postmortem{Template: "", Label: "postmortem", ActionLabel: "postmortem-action", DueHours: 48},
		Verify:     Verify{Steps: []Step{}, Detect: &detect},
		Incident:   defaultIncident(),
		Deploy:     defaultDeploy(),
		StatusPage: StatusPage{Title: "", Services: []string{}},
	}
}

// LimitsFor returns the guard limits for an incident severity: the base limits, with the
// severity's non-zero overrides on top. An empty severity gives the base limits.
func (g Guard) LimitsFor(severity string) Limits {
	l := g.Limits
	o, ok := g.Severity[severity]
	if !ok {
		return l
	}
	if o.MaxLines > 0 {
		l.MaxLines = o.MaxLines
	}
	if o.MaxFiles > 0 {
		l.MaxFiles = o.MaxFiles
	}
	if o.MaxCommits > 0 {
		l.MaxCommits = o.MaxCommits
	}
	return l
}

// DenyGlobs returns the deny list in force: the configured globs, plus the defaults unless
// DefaultDeny is false.
func (g Guard) DenyGlobs() []string {
	if g.DefaultDeny != nil && !*g.DefaultDeny {
		return g.Deny
	}
	return append(append([]string{}, DefaultDenyGlobs...), g.Deny...)
}

// RuleLevel returns the level of a rule: its configured level, else error.
func (g Guard) RuleLevel(id string) Level {
	if l, ok := g.Rules[id]; ok && l != "" {
		return l
	}
	return LevelError
}
