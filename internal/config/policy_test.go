package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// example parses testdata/example.yml, the policy shown in docs/policy.md.
func example(t *testing.T) Policy {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse("example.yml", data)
	if err != nil {
		t.Fatalf("Parse(example.yml): %v", err)
	}
	return p
}

func TestExamplePolicy(t *testing.T) {
	t.Parallel()
	yes, verify := true, true
	want := Policy{
		Branches: Branches{Production: "main", Develop: "develop", Hotfix: "hotfix/**", Release: "release/*"},
		Guard: Guard{
			Limits:      Limits{MaxLines: 150, MaxFiles: 8, MaxCommits: 5},
			Allow:       []string{"src/**", "config/*.yml"},
			Deny:        []string{"src/generated/**"},
			DefaultDeny: &yes,
			Rules:       map[string]Level{"no-whitespace-only": LevelWarn, "no-deletions": LevelOff},
			Severity: map[string]Limits{
				"P0": {MaxLines: 400, MaxFiles: 20, MaxCommits: 10},
				"P1": {MaxLines: 250},
			},
			OverrideLabel: "hotfix-override",
		},
		Release:    Release{Prefix: "v", GitHubRelease: true, RequireVerify: &verify},
		Backport:   Backport{Targets: []string{}, Labels: []string{"backport", "needs-review"}, Conflict: ConflictFail},
		Postmortem: Postmortem{Template: ".github/postmortem.md", Label: "postmortem", ActionLabel: "postmortem-action", DueHours: 72},
		Verify: Verify{Detect: &yes, Steps: []Step{
			{Name: "vet", Run: "go vet ./...", Timeout: Duration(5 * time.Minute), Env: map[string]string{}},
			{Name: "unit tests", Run: "go test -race ./...", Timeout: Duration(DefaultStepTimeout), WorkingDirectory: "service", Env: map[string]string{"GOFLAGS": "-mod=readonly"}},
			{Name: "lint", Run: "make lint", Timeout: Duration(DefaultStepTimeout), Env: map[string]string{}, ContinueOnError: true},
		}},
		Incident: Incident{
			Label: "incident",
			Cadence: map[string]Duration{
				"P0": Duration(15 * time.Minute), "P1": Duration(time.Hour), "P2": Duration(4 * time.Hour), "P3": Duration(24 * time.Hour),
			},
			ActionItemDueDays: map[string]int{"P0": 5, "P1": 14, "P2": 30, "P3": 90},
			RecentChanges:     Duration(48 * time.Hour),
			Identity:          "github-actions[bot]",
		},
		Deploy: Deploy{Workflow: "deploy.yml", Ref: "{tag}", Inputs: map[string]string{"version": "{tag}", "reason": "hotfix"},
			Environment: "production", Severities: []string{"P0", "P1", "P2"}},
		StatusPage: StatusPage{Title: "Shop status", Services: []string{"web", "api", "auth"}},
	}
	if diff := cmp.Diff(example(t), want); diff != "" {
		t.Errorf("example.yml (-got +want):\n%s", diff)
	}
}

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	roundTrip(t, Default())
	roundTrip(t, example(t))
}

func TestLimitsFor(t *testing.T) {
	t.Parallel()
	g := example(t).Guard
	for severity, want := range map[string]Limits{
		"":   {MaxLines: 150, MaxFiles: 8, MaxCommits: 5},
		"P0": {MaxLines: 400, MaxFiles: 20, MaxCommits: 10},
		"P1": {MaxLines: 250, MaxFiles: 8, MaxCommits: 5},
		"P2": {MaxLines: 150, MaxFiles: 8, MaxCommits: 5},
		"P9": {MaxLines: 150, MaxFiles: 8, MaxCommits: 5},
	} {
		if diff := cmp.Diff(g.LimitsFor(severity), want); diff != "" {
			t.Errorf("LimitsFor(%q) (-got +want):\n%s", severity, diff)
		}
	}
	if got, want := Default().Guard.LimitsFor("P0"), (Limits{MaxLines: 500, MaxFiles: 25, MaxCommits: 20}); got != want {
		t.Errorf("Default().Guard.LimitsFor(P0) = %+v, want %+v", got, want)
	}
}

func TestSeverityOverrideKeepsUnsetDefaults(t *testing.T) {
	t.Parallel()
	p, err := Parse("f.yml", []byte("guard:\n  max_files: 4\n  severity:\n    P0: {max_lines: 300, max_files: 0}\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	got, want := p.Guard.LimitsFor("P0"), Limits{MaxLines: 300, MaxFiles: 4, MaxCommits: 20}
	if got != want {
		t.Errorf("LimitsFor(P0) = %+v, want %+v (max_files 0 falls back to the base 4)", got, want)
	}
}

func TestDenyGlobs(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		text string
		want []string
	}{
		"defaults":             {"", DefaultDenyGlobs},
		"added to the default": {"guard: {deny: [\"docs/**\"]}\n", append(slices.Clone(DefaultDenyGlobs), "docs/**")},
		"default_deny false":   {"guard: {deny: [\"docs/**\"], default_deny: false}\n", []string{"docs/**"}},
		"nothing denied":       {"guard: {default_deny: false}\n", []string{}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse("f.yml", []byte(tc.text))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(p.Guard.DenyGlobs(), tc.want); diff != "" {
				t.Errorf("DenyGlobs (-got +want):\n%s", diff)
			}
		})
	}
}

func TestDefaultDenyGlobsAreValid(t *testing.T) {
	t.Parallel()
	for _, g := range DefaultDenyGlobs {
		if why := checkPathGlob(g); why != "" {
			t.Errorf("DefaultDenyGlobs: %s", why)
		}
	}
}

func TestRuleLevel(t *testing.T) {
	t.Parallel()
	g := example(t).Guard
	for id, want := range map[string]Level{
		"no-whitespace-only": LevelWarn,
		"no-deletions":       LevelOff,
		"max-lines":          LevelError,
	} {
		if got := g.RuleLevel(id); got != want {
			t.Errorf("RuleLevel(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestPolicyDocShowsTheExample(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "policy.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(doc), "```yaml\n")
	block, _, _ = strings.Cut(block, "```")
	if !ok {
		t.Fatal("docs/policy.md has no yaml block")
	}
	want, err := os.ReadFile(filepath.Join("testdata", "example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(block, string(want)); diff != "" {
		t.Errorf("docs/policy.md example (-doc +testdata/example.yml):\n%s", diff)
	}
}
