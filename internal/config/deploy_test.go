package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDeployParse(t *testing.T) {
	t.Parallel()
	p, err := Parse("f.yml", []byte("deploy:\n  workflow: deploy.yml\n  ref: refs/tags/{tag}\n  inputs: {version: \"{tag}\", why: hotfix}\n  environment: prod-eu\n  severities: [P0]\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := []any{p.Deploy.Enabled(), p.Deploy.RefFor("v1.2.3"), p.Deploy.InputsFor("v1.2.3"), p.Deploy.Environment, p.Deploy.AppliesTo("P0"), p.Deploy.AppliesTo("P1"), p.Deploy.AppliesTo("")}
	want := []any{true, "refs/tags/v1.2.3", map[string]any{"version": "v1.2.3", "why": "hotfix"}, "prod-eu", true, false, false}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("deploy (-got +want):\n%s", diff)
	}
}

func TestDeployDefault(t *testing.T) {
	t.Parallel()
	d := Default().Deploy
	got := []any{d.Enabled(), d.RefFor("v2.0.1"), d.InputsFor("v2.0.1"), d.Environment, d.AppliesTo(""), d.AppliesTo("P3")}
	want := []any{false, "v2.0.1", map[string]any{}, "production", true, true}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("default deploy (-got +want):\n%s", diff)
	}
}

func TestDeployErrors(t *testing.T) {
	t.Parallel()
	keys := "valid keys: workflow, ref, inputs, environment, severities"
	file := "; give the file name in .github/workflows, e.g. deploy.yml"
	ref := `; the deploy runs at a ref with {tag} in it, e.g. "{tag}" or "refs/tags/{tag}"`
	var many []string
	for i := range 11 {
		many = append(many, fmt.Sprintf("i%d: x", i))
	}
	checkInvalid(t, map[string]invalidCase{
		"unknown key":       {"deploy: {workflow_file: d.yml}\n", "f.yml:1:10: deploy.workflow_file: unknown key; " + keys},
		"workflow path":     {"deploy: {workflow: .github/workflows/d.yml}\n", "f.yml:1:20: deploy.workflow: workflow \".github/workflows/d.yml\" is not a workflow file name" + file},
		"workflow no ext":   {"deploy: {workflow: deploy}\n", "f.yml:1:20: deploy.workflow: workflow \"deploy\" is not a workflow file name" + file},
		"workflow id":       {"deploy: {workflow: 1234}\n", "f.yml:1:20: deploy.workflow: want a string, got 1234"},
		"ref without tag":   {"deploy: {ref: main}\n", "f.yml:1:15: deploy.ref: ref \"main\" has no {tag}" + ref},
		"ref bad name":      {"deploy: {ref: \"{tag}..x\"}\n", "f.yml:1:15: deploy.ref: ref \"{tag}..x\" contains \"..\"" + ref},
		"ref placeholder":   {"deploy: {ref: \"{tag}-{sha}\"}\n", "f.yml:1:15: deploy.ref: unknown placeholder {sha} in \"{tag}-{sha}\"; the one placeholder is {tag}, the release tag"},
		"inputs a list":     {"deploy: {inputs: [tag]}\n", "f.yml:1:18: deploy.inputs: want a mapping, got a list; inputs are the workflow_dispatch inputs of the deploy workflow, e.g. tag: \"{tag}\""},
		"input name":        {"deploy: {inputs: {\"my tag\": x}}\n", "f.yml:1:19: deploy.inputs.my tag: input name \"my tag\" is not valid; an input name starts with a letter or _ and holds letters, digits, - and _, e.g. tag"},
		"input value":       {"deploy: {inputs: {tag: 3}}\n", "f.yml:1:24: deploy.inputs.tag: want a string, got 3"},
		"input placeholder": {"deploy: {inputs: {tag: \"{version}\"}}\n", "f.yml:1:24: deploy.inputs.tag: unknown placeholder {version} in \"{version}\"; the one placeholder is {tag}, the release tag"},
		"eleven inputs":     {"deploy:\n  inputs: {" + strings.Join(many, ", ") + "}\n", "f.yml:2:11: deploy.inputs: 11 inputs; GitHub accepts at most 10 in one workflow dispatch"},
		"environment empty": {"deploy: {environment: \"\"}\n", "f.yml:1:23: deploy.environment: environment \"\" is not valid; an environment name is up to 255 characters without quotes, commas, semicolons or slashes, e.g. production"},
		"severity":          {"deploy: {severities: [SEV1]}\n", "f.yml:1:23: deploy.severities[0]: severity \"SEV1\" is not valid; valid severities: P0, P1, P2, P3"},
		"severities string": {"deploy: {severities: P0}\n", "f.yml:1:22: deploy.severities: want a list of severities, got the string \"P0\""},
	})
}
