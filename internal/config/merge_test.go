package config

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseMergeSections(t *testing.T) {
	t.Parallel()
	no := false
	for name, tc := range map[string]struct {
		text string
		edit func(p *Policy)
	}{
		"override label":         {"guard: {override_label: \"hotfix: override ✓\"}\n", func(p *Policy) { p.Guard.OverrideLabel = "hotfix: override ✓" }},
		"label of 50 characters": {"guard: {override_label: " + strings.Repeat("é", 50) + "}\n", func(p *Policy) { p.Guard.OverrideLabel = strings.Repeat("é", 50) }},
		"no tag prefix":          {"release: {prefix: \"\"}\n", func(p *Policy) { p.Release.Prefix = "" }},
		"path tag prefix":        {"release: {prefix: api/v}\n", func(p *Policy) { p.Release.Prefix = "api/v" }},
		"directory tag prefix":   {"release: {prefix: api/}\n", func(p *Policy) { p.Release.Prefix = "api/" }},
		"dotted tag prefix":      {"release: {prefix: release.}\n", func(p *Policy) { p.Release.Prefix = "release." }},
		"github release":         {"release: {github_release: true}\n", func(p *Policy) { p.Release.GitHubRelease = true }},
		"verify not required":    {"release: {require_verify: false}\n", func(p *Policy) { p.Release.RequireVerify = &no }},
		"fixed targets":          {"backport: {targets: [develop, release/1.2]}\n", func(p *Policy) { p.Backport.Targets = []string{"develop", "release/1.2"} }},
		"no labels":              {"backport: {labels: []}\n", func(p *Policy) { p.Backport.Labels = []string{} }},
		"two labels":             {"backport: {labels: [backport, \"area: api\"]}\n", func(p *Policy) { p.Backport.Labels = []string{"backport", "area: api"} }},
		"conflict warns":         {"backport: {conflict: warn}\n", func(p *Policy) { p.Backport.Conflict = ConflictWarn }},
		"template":               {"postmortem: {template: docs/incidents/postmortem.md.tmpl}\n", func(p *Policy) { p.Postmortem.Template = "docs/incidents/postmortem.md.tmpl" }},
		"built-in template":      {"postmortem: {template: \"\"}\n", func(p *Policy) {}},
		"labels":                 {"postmortem: {label: pm, action_label: pm-action}\n", func(p *Policy) { p.Postmortem.Label, p.Postmortem.ActionLabel = "pm", "pm-action" }},
		"one hour":               {"postmortem: {due_hours: 1}\n", func(p *Policy) { p.Postmortem.DueHours = 1 }},
		"a year":                 {"postmortem: {due_hours: 8760}\n", func(p *Policy) { p.Postmortem.DueHours = 8760 }},
		"null values":            {"release:\n  prefix:\nbackport:\n  targets:\n  labels:\n  conflict:\npostmortem:\n  template:\n  due_hours:\n", func(p *Policy) {}},
		"null sections":          {"release:\nbackport:\npostmortem:\n", func(p *Policy) {}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := Default()
			tc.edit(&want)
			got, err := Parse("f.yml", []byte(tc.text))
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.text, err)
			}
			if diff := cmp.Diff(got, want); diff != "" {
				t.Errorf("Parse(%q) (-got +want):\n%s", tc.text, diff)
			}
			roundTrip(t, got)
		})
	}
}

func TestParseMergeSectionErrors(t *testing.T) {
	t.Parallel()
	const (
		label    = "; a label is 1 to 50 characters without commas, e.g. postmortem"
		prefix   = `; a tag prefix goes before the version in a tag name, e.g. v, api/v, or "" for none`
		template = `; write a path from the repository root, e.g. .github/postmortem.md, or "" for the built-in template`
		branch   = "; a branch name follows git check-ref-format, e.g. main"
	)
	checkInvalid(t, map[string]invalidCase{
		"override label empty":  {"guard: {override_label: \"\"}\n", "f.yml:1:25: guard.override_label: label is empty" + label},
		"override label list":   {"guard: {override_label: [a]}\n", "f.yml:1:25: guard.override_label: want a string, got a list"},
		"label too long":        {"postmortem: {label: " + strings.Repeat("é", 51) + "}\n", "f.yml:1:21: postmortem.label: label \"" + strings.Repeat("é", 40) + "...\" is longer than 50 characters" + label},
		"label with comma":      {"postmortem: {label: \"a,b\"}\n", "f.yml:1:21: postmortem.label: label \"a,b\" contains \",\", which separates labels in issue searches" + label},
		"label with space":      {"postmortem: {action_label: \" pm\"}\n", "f.yml:1:28: postmortem.action_label: label \" pm\" starts or ends with a space" + label},
		"label with newline":    {"postmortem: {label: \"a\\nb\"}\n", "f.yml:1:21: postmortem.label: label \"a\\nb\" contains \"\\n\"" + label},
		"label number":          {"backport: {labels: [7]}\n", "f.yml:1:21: backport.labels[0]: want a string, got 7"},
		"null label":            {"backport:\n  labels:\n    -\n", "f.yml:3:6: backport.labels[0]: label is empty" + label},
		"null target":           {"backport: {targets: [null]}\n", "f.yml:1:22: backport.targets[0]: branch name \"\" is empty" + branch},
		"labels not a list":     {"backport: {labels: backport}\n", "f.yml:1:20: backport.labels: want a list of labels, got the string \"backport\""},
		"prefix dash":           {"release: {prefix: \"-v\"}\n", "f.yml:1:19: release.prefix: tag prefix \"-v\" starts with \"-\" or \".\"" + prefix},
		"prefix space":          {"release: {prefix: \"v \"}\n", "f.yml:1:19: release.prefix: tag prefix \"v \" contains \" \"" + prefix},
		"prefix dotdot":         {"release: {prefix: \"a..v\"}\n", "f.yml:1:19: release.prefix: tag prefix \"a..v\" contains \"..\"" + prefix},
		"prefix slash":          {"release: {prefix: /v}\n", "f.yml:1:19: release.prefix: tag prefix \"/v\" starts or ends with \"/\"" + prefix},
		"prefix dot part":       {"release: {prefix: api/.v}\n", "f.yml:1:19: release.prefix: tag prefix \"api/.v\" contains \"/.\"" + prefix},
		"prefix glob":           {"release: {prefix: \"v*\"}\n", "f.yml:1:19: release.prefix: tag prefix \"v*\" contains \"*\"" + prefix},
		"prefix digit":          {"release: {prefix: v1}\n", "f.yml:1:19: release.prefix: tag prefix \"v1\" ends with a digit, which runs into the version" + prefix},
		"prefix number":         {"release: {prefix: 2}\n", "f.yml:1:19: release.prefix: want a string, got 2"},
		"maintenance":           {"release: {maintenance: \"release/*\"}\n", "f.yml:1:11: release.maintenance: unknown key; release and maintenance branches are the glob branches.release; valid keys: prefix, github_release, require_verify"},
		"unknown release key":   {"release: {tag: v}\n", "f.yml:1:11: release.tag: unknown key; valid keys: prefix, github_release, require_verify"},
		"release as a string":   {"release: v\n", "f.yml:1:10: release: want a mapping, got the string \"v\"; valid keys: prefix, github_release, require_verify"},
		"github release yes":    {"release: {github_release: yes}\n", "f.yml:1:27: release.github_release: want true or false, got the string \"yes\""},
		"require verify number": {"release: {require_verify: 0}\n", "f.yml:1:27: release.require_verify: want true or false, got 0"},
		"target glob":           {"backport: {targets: [\"release/*\"]}\n", "f.yml:1:22: backport.targets[0]: branch name \"release/*\" contains \"*\"" + branch},
		"target empty":          {"backport: {targets: [develop, \"\"]}\n", "f.yml:1:31: backport.targets[1]: branch name \"\" is empty" + branch},
		"targets a string":      {"backport: {targets: develop}\n", "f.yml:1:21: backport.targets: want a list of branch names, got the string \"develop\""},
		"conflict unknown":      {"backport: {conflict: skip}\n", "f.yml:1:22: backport.conflict: conflict mode \"skip\" is not valid; valid modes: fail, warn"},
		"conflict bool":         {"backport: {conflict: false}\n", "f.yml:1:22: backport.conflict: want a string, got false"},
		"unknown backport key":  {"backport: {target: [x]}\n", "f.yml:1:12: backport.target: unknown key; valid keys: targets, labels, conflict"},
		"template absolute":     {"postmortem: {template: /etc/passwd}\n", "f.yml:1:24: postmortem.template: template path \"/etc/passwd\" starts with \"/\"" + template},
		"template dotdot":       {"postmortem: {template: a/../../b.md}\n", "f.yml:1:24: postmortem.template: template path \"a/../../b.md\" has a \"..\" component" + template},
		"template dot":          {"postmortem: {template: ./pm.md}\n", "f.yml:1:24: postmortem.template: template path \"./pm.md\" has a \".\" component" + template},
		"template directory":    {"postmortem: {template: docs/}\n", "f.yml:1:24: postmortem.template: template path \"docs/\" ends with \"/\"" + template},
		"template double slash": {"postmortem: {template: docs//pm.md}\n", "f.yml:1:24: postmortem.template: template path \"docs//pm.md\" contains \"//\"" + template},
		"template backslash":    {"postmortem: {template: 'docs\\pm.md'}\n", "f.yml:1:24: postmortem.template: template path \"docs\\\\pm.md\" contains \"\\\\\"" + template},
		"due zero":              {"postmortem: {due_hours: 0}\n", "f.yml:1:25: postmortem.due_hours: want an integer from 1 to 8760, got 0"},
		"due over a year":       {"postmortem: {due_hours: 8761}\n", "f.yml:1:25: postmortem.due_hours: want an integer from 1 to 8760, got 8761"},
		"due string":            {"postmortem: {due_hours: 48h}\n", "f.yml:1:25: postmortem.due_hours: want an integer from 1 to 8760, got the string \"48h\""},
		"unknown postmortem":    {"postmortem: {due: 1}\n", "f.yml:1:14: postmortem.due: unknown key; valid keys: template, label, action_label, due_hours"},
	})
}

func TestBranchKinds(t *testing.T) {
	t.Parallel()
	p, err := Parse("f.yml", []byte("branches: {hotfix: \"fix/*\", release: \"{release,support}/**\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		policy          Policy
		name            string
		hotfix, release bool
	}{
		{Default(), "hotfix/login", true, false},
		{Default(), "hotfix/1.2/login", true, false},
		{Default(), "hotfix", true, false}, // doublestar: "hotfix/**" matches the directory itself
		{Default(), "hotfixes/login", false, false},
		{Default(), "release/1.2", false, true},
		{Default(), "release/1.2/rc", false, false},
		{Default(), "main", false, false},
		{Default(), "", false, false},
		{p, "fix/a", true, false},
		{p, "hotfix/a", false, false},
		{p, "support/1.x/lts", false, true},
		{Policy{}, "hotfix/a", false, false},
	} {
		if got := tc.policy.IsHotfixBranch(tc.name); got != tc.hotfix {
			t.Errorf("IsHotfixBranch(%q) under %+v = %t, want %t", tc.name, tc.policy.Branches, got, tc.hotfix)
		}
		if got := tc.policy.IsReleaseBranch(tc.name); got != tc.release {
			t.Errorf("IsReleaseBranch(%q) under %+v = %t, want %t", tc.name, tc.policy.Branches, got, tc.release)
		}
	}
}

func TestMergeSectionHelpers(t *testing.T) {
	t.Parallel()
	no := false
	if got := Default().Postmortem.Due(); got != 48*time.Hour {
		t.Errorf("Default().Postmortem.Due() = %v, want 48h", got)
	}
	if got := (Postmortem{DueHours: maxDueHours}).Due(); got != 365*24*time.Hour {
		t.Errorf("Due() at maxDueHours = %v, want a year", got)
	}
	for _, tc := range []struct {
		release Release
		want    bool
	}{{Default().Release, true}, {Release{}, true}, {Release{RequireVerify: &no}, false}} {
		if got := tc.release.VerifyRequired(); got != tc.want {
			t.Errorf("%+v.VerifyRequired() = %t, want %t", tc.release, got, tc.want)
		}
	}
	d := Default()
	*d.Guard.DefaultDeny = false
	if !d.Release.VerifyRequired() {
		t.Error("changing Default().Guard.DefaultDeny changed Release.RequireVerify")
	}
}
