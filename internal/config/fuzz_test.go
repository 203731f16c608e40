package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gopkg.in/yaml.v3"
)

// roundTrip writes p back as YAML and parses it again; a valid policy must come back unchanged.
func roundTrip(t *testing.T, p Policy) {
	t.Helper()
	data, err := yaml.Marshal(p)
	if err != nil {
		t.Fatalf("yaml.Marshal(%+v): %v", p, err)
	}
	again, err := Parse("again.yml", data)
	if err != nil {
		t.Fatalf("Parse of a parsed policy: %v\n%s", err, data)
	}
	if diff := cmp.Diff(again, p, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("policy changed on a round trip (-again +first):\n%s", diff)
	}
}

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"",
		"# only a comment\n",
		"guard:\n  max_lines: 50\n",
		"branches: {production: trunk, develop: dev, hotfix: \"fix/*\", release: \"rel/**\"}\n",
		"guard: {allow: [\"src/**\"], deny: [\"src/gen/**\"], default_deny: false}\n",
		"guard: {rules: {no-binary: warn, deny: \"off\"}, severity: {P0: {max_lines: 900}, P3: {}}}\n",
		"guard: &g {max_files: 2}\nbranches: *g\n",
		"guard: [\n",
		"---\n---\n",
		"guard:\n  max_lines: 1\n  max_lines: 2\n",
		"release: {prefix: api/v, github_release: true}\nbackport: {labels: [], conflict: warn}\n",
		"postmortem: {template: .github/pm.md, due_hours: 1}\nguard: {override_label: ok}\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.yml", data)
		if err != nil {
			return
		}
		roundTrip(t, p)
	})
}
