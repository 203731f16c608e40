package config

import (
	"maps"
	"slices"
	"strings"
)

// TagPlaceholder is replaced by the release tag in deploy.ref and deploy.inputs.
const TagPlaceholder = "{tag}"

// MaxDeployInputs is how many inputs GitHub accepts in one workflow dispatch.
const MaxDeployInputs = 10

// Deploy says how a release is deployed: the merge dispatches Workflow at the new tag, and
// /rollback dispatches it at an earlier one. GitHub starts a workflow_dispatch run even for the
// default GITHUB_TOKEN, unlike the tag's push.
// https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event
type Deploy struct {
	// Workflow is the deploy workflow's file name in .github/workflows, e.g. deploy.yml; "" (the
	// default) deploys nothing.
	Workflow string `yaml:"workflow" json:"workflow"`
	// Ref is the ref the workflow runs at, with {tag} for the release tag; default "{tag}".
	Ref string `yaml:"ref" json:"ref"`
	// Inputs are the workflow_dispatch inputs, each value with {tag} for the release tag; at
	// most 10; default none.
	Inputs map[string]string `yaml:"inputs" json:"inputs"`
	// Environment is the GitHub environment the workflow deploys to; default "production".
	Environment string `yaml:"environment" json:"environment"`
	// Severities are the incident severities whose hotfixes deploy on merge; default all. A
	// merge whose severity is unknown deploys only when every severity is listed.
	Severities []string `yaml:"severities" json:"severities"`
}

// defaultDeploy is the deploy section of Default(): off, with the defaults it has when on.
func defaultDeploy() Deploy {
	return Deploy{Ref: TagPlaceholder, Inputs: map[string]string{}, Environment: "production", Severities: slices.Clone(Severities)}
}

// Enabled reports whether the policy names a deploy workflow.
func (d Deploy) Enabled() bool { return d.Workflow != "" }

// AppliesTo reports whether a hotfix of severity deploys on merge.
func (d Deploy) AppliesTo(severity string) bool {
	if severity == "" {
		return len(d.Severities) == len(Severities)
	}
	return slices.Contains(d.Severities, severity)
}

// RefFor is the ref the workflow runs at for tag.
func (d Deploy) RefFor(tag string) string {
	return strings.ReplaceAll(d.Ref, TagPlaceholder, tag)
}

// InputsFor are the workflow_dispatch inputs for tag.
func (d Deploy) InputsFor(tag string) map[string]any {
	out := make(map[string]any, len(d.Inputs))
	for _, k := range slices.Sorted(maps.Keys(d.Inputs)) {
		out[k] = strings.ReplaceAll(d.Inputs[k], TagPlaceholder, tag)
	}
	return out
}
