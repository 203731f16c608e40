package config

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/incident-hotfix/incident-hotfix/internal/refname"
	"gopkg.in/yaml.v3"
)

// deployFields are the keys under deploy.
func (d *decoder) deployFields(p *Deploy) []field {
	return []field{
		{"workflow", func(n *yaml.Node, key string) { d.str(n, key, checkWorkflowFile, &p.Workflow) }},
		{"ref", func(n *yaml.Node, key string) { d.str(n, key, checkDeployRef, &p.Ref) }},
		{"inputs", func(n *yaml.Node, key string) { d.deployInputs(n, key, p) }},
		{"environment", func(n *yaml.Node, key string) { d.str(n, key, checkEnvironment, &p.Environment) }},
		{"severities", func(n *yaml.Node, key string) { d.list(n, key, "severities", checkSeverity, &p.Severities) }},
	}
}

// deployInputs decodes deploy.inputs, a mapping of input name to a string with {tag}, into p.
func (d *decoder) deployInputs(n *yaml.Node, path string, p *Deploy) {
	valid := "inputs are the workflow_dispatch inputs of the deploy workflow, e.g. tag: \"{tag}\""
	inputs := map[string]string{}
	d.entries(n, path, valid, func(k, v *yaml.Node, key string) {
		if why := checkInputName(k.Value); why != "" {
			d.fail(k, key, "%s", why)
			return
		}
		var s string
		d.str(v, key, checkPlaceholders, &s)
		inputs[k.Value] = s
	})
	if len(inputs) > MaxDeployInputs {
		d.fail(n, path, "%d inputs; GitHub accepts at most %d in one workflow dispatch", len(inputs), MaxDeployInputs)
		return
	}
	p.Inputs = inputs
}

// inputName is what GitHub accepts as a workflow_dispatch input's name.
var inputName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`) })

// checkInputName returns why name is not a workflow_dispatch input name, or "".
func checkInputName(name string) string {
	if !inputName().MatchString(name) || len(name) > 100 {
		return "input name " + quote(name) + " is not valid; an input name starts with a letter or _ and holds letters, digits, - and _, e.g. tag"
	}
	return ""
}

// checkWorkflowFile returns why name is not a workflow file name, or "". "" turns the deploy off.
func checkWorkflowFile(name string) string {
	ext := path.Ext(name)
	if name == "" {
		return "" // no deploy
	}
	if strings.ContainsAny(name, "/\\") || (ext != ".yml" && ext != ".yaml") || strings.ContainsFunc(name, unicode.IsControl) {
		return "workflow " + quote(name) + " is not a workflow file name; give the file name in .github/workflows, e.g. deploy.yml"
	}
	return ""
}

// checkDeployRef returns why ref is not a ref with {tag} in it, or "". The tag must be in the
// ref: a rerun finds the deploy already dispatched by the ref it ran at.
func checkDeployRef(ref string) string {
	hint := `; the deploy runs at a ref with {tag} in it, e.g. "{tag}" or "refs/tags/{tag}"`
	if !strings.Contains(ref, TagPlaceholder) {
		return "ref " + quote(ref) + " has no {tag}" + hint
	}
	if why := checkPlaceholders(ref); why != "" {
		return why
	}
	if why := refname.Problem(strings.ReplaceAll(ref, TagPlaceholder, "v1.2.3")); why != "" {
		return "ref " + quote(ref) + " " + why + hint
	}
	return ""
}

// placeholder finds a {name} in a deploy value.
var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{[^{}]*\}`) })

// checkPlaceholders returns why s holds a placeholder other than {tag}, or "".
func checkPlaceholders(s string) string {
	for _, m := range placeholder().FindAllString(s, -1) {
		if m != TagPlaceholder {
			return fmt.Sprintf("unknown placeholder %s in %s; the one placeholder is {tag}, the release tag", m, quote(s))
		}
	}
	return ""
}

// checkEnvironment returns why name is not a GitHub environment name, or "".
func checkEnvironment(name string) string {
	if strings.TrimSpace(name) == "" || len(name) > 255 || strings.ContainsAny(name, "'\"`,;/\\") || strings.ContainsFunc(name, unicode.IsControl) {
		return "environment " + quote(name) + " is not valid; an environment name is up to 255 characters without quotes, commas, semicolons or slashes, e.g. production"
	}
	return ""
}

// checkSeverity returns why s is not a severity, or "".
func checkSeverity(s string) string {
	if slices.Contains(Severities, s) {
		return ""
	}
	return "severity " + quote(s) + " is not valid; valid severities: " + strings.Join(Severities, ", ")
}
