package config

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseIncident(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		text string
		edit func(i *Incident)
	}{
		"label":              {"incident: {label: \"sev: incident\"}\n", func(i *Incident) { i.Label = "sev: incident" }},
		"one cadence":        {"incident: {cadence: {P0: 15m}}\n", func(i *Incident) { i.Cadence["P0"] = Duration(15 * time.Minute) }},
		"every cadence":      {"incident: {cadence: {P0: 10m, P1: 45m, P2: 2h30m, P3: 12h}}\n", func(i *Incident) { i.Cadence = cadences(10*time.Minute, 45*time.Minute, 150*time.Minute, 12*time.Hour) }},
		"cadence of 7 days":  {"incident: {cadence: {P3: 168h}}\n", func(i *Incident) { i.Cadence["P3"] = Duration(MaxCadence) }},
		"cadence in seconds": {"incident: {cadence: {P0: 90s}}\n", func(i *Incident) { i.Cadence["P0"] = Duration(90 * time.Second) }},
		"one due day count":  {"incident: {action_item_due_days: {P2: 21}}\n", func(i *Incident) { i.ActionItemDueDays["P2"] = 21 }},
		"due days bounds":    {"incident: {action_item_due_days: {P0: 1, P3: 365}}\n", func(i *Incident) { i.ActionItemDueDays["P0"], i.ActionItemDueDays["P3"] = 1, MaxDueDays }},
		"recent changes":     {"incident: {recent_changes: 72h}\n", func(i *Incident) { i.RecentChanges = Duration(72 * time.Hour) }},
		"recent 30 days":     {"incident: {recent_changes: 720h}\n", func(i *Incident) { i.RecentChanges = Duration(MaxRecentChanges) }},
		"user identity":      {"incident: {identity: hotfix-bot}\n", func(i *Incident) { i.Identity = "hotfix-bot" }},
		"app identity":       {"incident:\n  identity: github-actions[bot]\n", func(i *Incident) { i.Identity = "github-actions[bot]" }},
		"identity of 39":     {"incident: {identity: " + strings.Repeat("a", 39) + "}\n", func(i *Incident) { i.Identity = strings.Repeat("a", 39) }},
		"empty identity":     {"incident: {identity: \"\"}\n", func(i *Incident) {}},
		"empty maps":         {"incident: {cadence: {}, action_item_due_days: {}}\n", func(i *Incident) {}},
		"null values":        {"incident:\n  label:\n  cadence:\n    P1:\n  action_item_due_days:\n  recent_changes:\n  identity:\n", func(i *Incident) {}},
		"null section":       {"incident:\n", func(i *Incident) {}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := Default()
			tc.edit(&want.Incident)
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

// cadences is a cadence map for P0..P3.
func cadences(p0, p1, p2, p3 time.Duration) map[string]Duration {
	return map[string]Duration{"P0": Duration(p0), "P1": Duration(p1), "P2": Duration(p2), "P3": Duration(p3)}
}

func TestParseIncidentErrors(t *testing.T) {
	t.Parallel()
	const (
		keys     = "valid keys: label, cadence, action_item_due_days, recent_changes, identity"
		label    = "; a label is 1 to 50 characters without commas, e.g. postmortem"
		duration = "; a duration is a number with a unit, e.g. 30m, 1h or 1h30m; write days in hours, e.g. 168h for 7 days"
		login    = `; a login is up to 39 letters, digits and single hyphens, with [bot] after an app's name, e.g. octocat or github-actions[bot]; "" asks GitHub`
		webhook  = "unknown key; the webhook URL is a secret: pass it as the notify_webhook input, never in the policy; "
	)
	checkInvalid(t, map[string]invalidCase{
		"section a list":       {"incident: [a]\n", "f.yml:1:11: incident: want a mapping, got a list; " + keys},
		"unknown key":          {"incident: {cadance: {P0: 1h}}\n", "f.yml:1:12: incident.cadance: unknown key; " + keys},
		"webhook":              {"incident: {notify_webhook: \"https://hooks.example/x\"}\n", "f.yml:1:12: incident.notify_webhook: " + webhook + keys},
		"webhook url":          {"incident:\n  webhook: https://hooks.example/x\n", "f.yml:2:3: incident.webhook: " + webhook + keys},
		"label empty":          {"incident: {label: \"\"}\n", "f.yml:1:19: incident.label: label is empty" + label},
		"label comma":          {"incident: {label: \"a,b\"}\n", "f.yml:1:19: incident.label: label \"a,b\" contains \",\", which separates labels in issue searches" + label},
		"label number":         {"incident: {label: 5}\n", "f.yml:1:19: incident.label: want a string, got 5"},
		"cadence a list":       {"incident: {cadence: [30m]}\n", "f.yml:1:21: incident.cadence: want a mapping, got a list; valid severities: P0, P1, P2, P3"},
		"cadence severity":     {"incident: {cadence: {SEV1: 30m}}\n", "f.yml:1:22: incident.cadence.SEV1: unknown severity; valid severities: P0, P1, P2, P3"},
		"cadence lower case":   {"incident: {cadence: {p0: 30m}}\n", "f.yml:1:22: incident.cadence.p0: unknown severity; valid severities: P0, P1, P2, P3"},
		"cadence in days":      {"incident: {cadence: {P1: 1d}}\n", "f.yml:1:26: incident.cadence.P1: want a duration, got the string \"1d\"" + duration},
		"cadence no unit":      {"incident: {cadence: {P1: 30}}\n", "f.yml:1:26: incident.cadence.P1: want a duration, got 30" + duration},
		"cadence a mapping":    {"incident: {cadence: {P1: {m: 30}}}\n", "f.yml:1:26: incident.cadence.P1: want a duration, got a mapping" + duration},
		"cadence zero":         {"incident: {cadence: {P0: 0s}}\n", "f.yml:1:26: incident.cadence.P0: cadence 0s is out of range; give more than 0s and at most 168h (7 days)"},
		"cadence negative":     {"incident: {cadence: {P0: -30m}}\n", "f.yml:1:26: incident.cadence.P0: cadence -30m is out of range; give more than 0s and at most 168h (7 days)"},
		"cadence over a week":  {"incident: {cadence: {P3: 168h1s}}\n", "f.yml:1:26: incident.cadence.P3: cadence 168h1s is out of range; give more than 0s and at most 168h (7 days)"},
		"cadence duplicate":    {"incident:\n  cadence:\n    P0: 1h\n    P0: 2h\n", "f.yml:4:5: incident.cadence.P0: duplicate key; first set on line 3"},
		"due days severity":    {"incident: {action_item_due_days: {P4: 9}}\n", "f.yml:1:35: incident.action_item_due_days.P4: unknown severity; valid severities: P0, P1, P2, P3"},
		"due days zero":        {"incident: {action_item_due_days: {P0: 0}}\n", "f.yml:1:39: incident.action_item_due_days.P0: want an integer from 1 to 365, got 0"},
		"due days over a year": {"incident: {action_item_due_days: {P3: 366}}\n", "f.yml:1:39: incident.action_item_due_days.P3: want an integer from 1 to 365, got 366"},
		"due days a duration":  {"incident: {action_item_due_days: {P1: 14d}}\n", "f.yml:1:39: incident.action_item_due_days.P1: want an integer from 1 to 365, got the string \"14d\""},
		"due days a number":    {"incident: {action_item_due_days: 14}\n", "f.yml:1:34: incident.action_item_due_days: want a mapping, got 14; valid severities: P0, P1, P2, P3"},
		"recent in days":       {"incident: {recent_changes: 2d}\n", "f.yml:1:28: incident.recent_changes: want a duration, got the string \"2d\"" + duration},
		"recent zero":          {"incident: {recent_changes: 0h}\n", "f.yml:1:28: incident.recent_changes: recent changes 0h is out of range; give more than 0s and at most 720h (30 days)"},
		"recent over a month":  {"incident: {recent_changes: 721h}\n", "f.yml:1:28: incident.recent_changes: recent changes 721h is out of range; give more than 0s and at most 720h (30 days)"},
		"identity with at":     {"incident: {identity: \"@octocat\"}\n", "f.yml:1:22: incident.identity: login \"@octocat\" starts with \"@\"" + login},
		"identity too long":    {"incident: {identity: " + strings.Repeat("a", 40) + "}\n", "f.yml:1:22: incident.identity: login \"" + strings.Repeat("a", 40) + "\" is longer than 39 characters" + login},
		"identity hyphen":      {"incident: {identity: -bot}\n", "f.yml:1:22: incident.identity: login \"-bot\" starts or ends with \"-\"" + login},
		"identity two hyphens": {"incident: {identity: a--b}\n", "f.yml:1:22: incident.identity: login \"a--b\" contains \"--\"" + login},
		"identity underscore":  {"incident: {identity: a_b}\n", "f.yml:1:22: incident.identity: login \"a_b\" contains \"_\"" + login},
		"identity team":        {"incident: {identity: org/team}\n", "f.yml:1:22: incident.identity: login \"org/team\" contains \"/\"" + login},
		"identity only bot":    {"incident: {identity: \"[bot]\"}\n", "f.yml:1:22: incident.identity: login \"[bot]\" is empty" + login},
		"identity a list":      {"incident: {identity: [a]}\n", "f.yml:1:22: incident.identity: want a string, got a list"},
	})
}

func TestIncidentCadences(t *testing.T) {
	t.Parallel()
	p, err := Parse("f.yml", []byte("incident: {cadence: {P1: 20m}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := p.Incident.Cadences()
	want := map[string]time.Duration{"P0": 30 * time.Minute, "P1": 20 * time.Minute, "P2": 4 * time.Hour, "P3": 24 * time.Hour}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("Cadences() (-got +want):\n%s", diff)
	}
	if d := Default(); d.Incident.Cadence["P0"] != Duration(30*time.Minute) {
		t.Errorf("Default() after a parse has P0 cadence %v, want 30m: a parse changed the defaults", d.Incident.Cadence["P0"])
	}
}

func TestIncidentSchema(t *testing.T) {
	t.Parallel()
	s := loadSchema(t)
	props := s.root["properties"].(map[string]any)["incident"].(map[string]any)["properties"].(map[string]any)
	days := props["action_item_due_days"].(map[string]any)["additionalProperties"].(map[string]any)
	if got, want := days["maximum"], float64(MaxDueDays); got != want {
		t.Errorf("incident.action_item_due_days maximum = %v, want %v", got, want)
	}
	for text, want := range map[string]string{
		`{"incident": {"cadence": {"P5": "1h"}}}`:                   "/incident/cadence/P5(name): P5 is not one of [P0 P1 P2 P3]",
		`{"incident": {"cadence": {"P0": 30}}}`:                     "/incident/cadence/P0: integer, want string",
		`{"incident": {"action_item_due_days": {"P0": 0}}}`:         "/incident/action_item_due_days/P0: 0 is less than 1",
		`{"incident": {"action_item_due_days": {"P3": 366}}}`:       "/incident/action_item_due_days/P3: 366 is more than 365",
		`{"incident": {"recent_changes": 24}}`:                      "/incident/recent_changes: integer, want string",
		`{"incident": {"label": ""}}`:                               `/incident/label: "" is shorter than 1`,
		`{"incident": {"notify_webhook": "https://hooks.example"}}`: "/incident/notify_webhook: property not allowed",
	} {
		var doc any
		if err := json.Unmarshal([]byte(text), &doc); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(s.check(s.root, doc, ""), "\n"); !strings.Contains(got, want) {
			t.Errorf("check(%s) = %q, want it to contain %q", text, got, want)
		}
	}
}
