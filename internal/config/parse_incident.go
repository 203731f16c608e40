package config

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// incidentFields are the keys under incident.
func (d *decoder) incidentFields(i *Incident) []field {
	return []field{
		{"label", func(n *yaml.Node, key string) { d.str(n, key, checkLabel, &i.Label) }},
		{"cadence", func(n *yaml.Node, key string) { d.cadence(n, key, i.Cadence) }},
		{"action_item_due_days", func(n *yaml.Node, key string) { d.dueDays(n, key, i.ActionItemDueDays) }},
		{"recent_changes", func(n *yaml.Node, key string) {
			d.span(n, key, "recent changes", MaxRecentChanges, "720h (30 days)", &i.RecentChanges)
		}},
		{"identity", func(n *yaml.Node, key string) { d.str(n, key, checkLogin, &i.Identity) }},
	}
}

// cadence decodes incident.cadence, a mapping of severity to duration, into cadences. A severity
// the file leaves out keeps its default.
func (d *decoder) cadence(n *yaml.Node, path string, cadences map[string]Duration) {
	d.perSeverity(n, path, func(v *yaml.Node, sev, key string) {
		c := cadences[sev]
		d.span(v, key, "cadence", MaxCadence, "168h (7 days)", &c)
		cadences[sev] = c
	})
}

// dueDays decodes incident.action_item_due_days, a mapping of severity to days, into days. A
// severity the file leaves out keeps its default.
func (d *decoder) dueDays(n *yaml.Node, path string, days map[string]int) {
	d.perSeverity(n, path, func(v *yaml.Node, sev, key string) {
		n := days[sev]
		d.between(v, key, 1, MaxDueDays, &n)
		days[sev] = n
	})
}

// perSeverity calls fn with the value of each key of the mapping n, which must be a severity.
func (d *decoder) perSeverity(n *yaml.Node, path string, fn func(v *yaml.Node, sev, key string)) {
	valid := "valid severities: " + strings.Join(Severities, ", ")
	d.entries(n, path, valid, func(k, v *yaml.Node, key string) {
		if !slices.Contains(Severities, k.Value) {
			d.fail(k, key, "unknown severity; %s", valid)
			return
		}
		fn(v, k.Value, key)
	})
}

// durationHint ends every problem with a duration's form. time.ParseDuration knows no days.
const durationHint = "a duration is a number with a unit, e.g. 30m, 1h or 1h30m; write days in hours, e.g. 168h for 7 days"

// span decodes a duration above 0 and at most max (written as maxText) into dst; what names
// the value in a message.
func (d *decoder) span(n *yaml.Node, key, what string, max time.Duration, maxText string, dst *Duration) {
	v := resolve(n)
	if isNull(v) {
		return
	}
	var t Duration
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" || t.UnmarshalText([]byte(v.Value)) != nil {
		d.fail(n, key, "want a duration, got %s; %s", describe(v), durationHint)
		return
	}
	if t.D() <= 0 || t.D() > max {
		d.fail(n, key, "%s %s is out of range; give more than 0s and at most %s", what, v.Value, maxText)
		return
	}
	*dst = t
}

// loginHint ends every login problem with the valid form.
const loginHint = `; a login is up to 39 letters, digits and single hyphens, with [bot] after an app's name, e.g. octocat or github-actions[bot]; "" asks GitHub`

// checkLogin returns why login is not a GitHub login, or "". The empty login means "ask GitHub".
func checkLogin(login string) string {
	if login == "" {
		return ""
	}
	if why := checkLoginText(login); why != "" {
		return "login " + quote(login) + " " + why + loginHint
	}
	return ""
}

// checkLoginText returns why s is not a GitHub login, or "". A bot's login ends in [bot].
func checkLoginText(s string) string {
	name := strings.TrimSuffix(s, "[bot]")
	switch {
	case strings.HasPrefix(s, "@"):
		return "starts with \"@\""
	case name == "":
		return "is empty"
	case len(name) > 39:
		return "is longer than 39 characters"
	case strings.HasPrefix(name, "-") || strings.HasSuffix(name, "-"):
		return "starts or ends with \"-\""
	case strings.Contains(name, "--"):
		return "contains \"--\""
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return fmt.Sprintf("contains %q", string(r))
		}
	}
	return ""
}
