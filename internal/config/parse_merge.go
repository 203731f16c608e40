package config

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// releaseFields are the keys under release.
func (d *decoder) releaseFields(r *Release) []field {
	return []field{
		{"prefix", func(n *yaml.Node, key string) { d.str(n, key, checkTagPrefix, &r.Prefix) }},
		{"github_release", func(n *yaml.Node, key string) { d.flag(n, key, &r.GitHubRelease) }},
		{"require_verify", func(n *yaml.Node, key string) { d.boolean(n, key, &r.RequireVerify) }},
	}
}

// backportFields are the keys under backport.
func (d *decoder) backportFields(b *Backport) []field {
	return []field{
		{"targets", func(n *yaml.Node, key string) { d.list(n, key, "branch names", checkBranch, &b.Targets) }},
		{"labels", func(n *yaml.Node, key string) { d.list(n, key, "labels", checkLabel, &b.Labels) }},
		{"conflict", func(n *yaml.Node, key string) { d.conflict(n, key, &b.Conflict) }},
	}
}

// postmortemFields are the keys under postmortem.
func (d *decoder) postmortemFields(p *Postmortem) []field {
	return []field{
		{"template", func(n *yaml.Node, key string) { d.str(n, key, checkTemplatePath, &p.Template) }},
		{"label", func(n *yaml.Node, key string) { d.str(n, key, checkLabel, &p.Label) }},
		{"action_label", func(n *yaml.Node, key string) { d.str(n, key, checkLabel, &p.ActionLabel) }},
		{"due_hours", func(n *yaml.Node, key string) { d.between(n, key, 1, maxDueHours, &p.DueHours) }},
	}
}

// conflict decodes backport.conflict, a conflict mode, into dst.
func (d *decoder) conflict(n *yaml.Node, key string, dst *Conflict) {
	var s string
	d.str(n, key, checkConflict, &s)
	if s != "" {
		*dst = Conflict(s)
	}
}

// checkConflict returns why s is not a conflict mode, or "".
func checkConflict(s string) string {
	if slices.Contains(Conflicts, s) {
		return ""
	}
	return "conflict mode " + quote(s) + " is not valid; valid modes: " + strings.Join(Conflicts, ", ")
}
