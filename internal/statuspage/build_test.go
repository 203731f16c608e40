package statuspage

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// TestSeverityEffects checks each severity's effect on its service and on the overall
// indicator, and that the worst open incident of a service wins.
func TestSeverityEffects(t *testing.T) {
	t.Parallel()
	declared := func(n int, sev string) incident.Record {
		return record(n, entry(int64(n), at(9, n), incident.Entry{Type: incident.Declared, Severity: sev, Title: "t", Service: "auth"}))
	}
	tests := []struct {
		name                      string
		severities                []string
		status, indicator, impact string
		notice                    bool
	}{
		{"none open", nil, Operational, "none", "", false},
		{"P0", []string{"P0"}, MajorOutage, "critical", "critical", false},
		{"P1", []string{"P1"}, PartialOutage, "major", "major", false},
		{"P2", []string{"P2"}, DegradedPerformance, "minor", "minor", false},
		{"P3 is a notice", []string{"P3"}, Operational, "none", "none", true},
		{"an unknown severity degrades", []string{"P9"}, DegradedPerformance, "minor", "minor", false},
		{"the worst wins", []string{"P2", "P0", "P3"}, MajorOutage, "critical", "none", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var records []incident.Record
			for i, sev := range tt.severities {
				records = append(records, declared(i+1, sev))
			}
			s := Build(records, Options{Services: []string{"auth"}, Now: at(11, 0)})
			got := []any{s.Components[0].Status, s.Indicator, s.Components[0].Notice}
			if diff := cmp.Diff(got, []any{tt.status, tt.indicator, tt.notice}); diff != "" {
				t.Errorf("status, indicator, notice (-got +want):\n%s", diff)
			}
			if len(s.Open) > 0 && s.Open[len(s.Open)-1].Impact != tt.impact {
				t.Errorf("least urgent incident's impact = %q, want %q", s.Open[len(s.Open)-1].Impact, tt.impact)
			}
		})
	}
}

// TestBuildLists checks what the page lists: the configured services first, then the
// incidents' services by name; open incidents worst first; the history in the window only; an
// issue with no declared entry left out.
func TestBuildLists(t *testing.T) {
	t.Parallel()
	undeclared := record(9, entry(41, at(7, 0), incident.Entry{Type: incident.Timeline, Text: "no declared entry"}))
	noService := record(10, entry(51, at(8, 0), incident.Entry{Type: incident.Declared, Severity: "P2", Title: "Something"}))
	s := Build([]incident.Record{oldP2(), openP3(), undeclared, resolvedP0(), openP1(), noService}, options())
	var names, open, history []string
	for _, c := range s.Components {
		names = append(names, c.Name+"="+c.Status)
	}
	for _, in := range s.Open {
		open = append(open, in.ID)
	}
	for _, in := range s.History {
		history = append(history, in.ID)
	}
	want := [][]string{{"web=operational", "auth=partial_outage", "api=operational", "billing=operational", "Other=degraded_performance"}, {"7", "10", "8"}, {"5"}}
	if diff := cmp.Diff([][]string{names, open, history}, want); diff != "" {
		t.Errorf("components, open, history (-got +want):\n%s", diff)
	}
	if s.Indicator != "major" || s.Summary != "Partial System Outage" {
		t.Errorf("indicator = %q %q, want major, Partial System Outage", s.Indicator, s.Summary)
	}
}

// TestUpdatesPublishOnlyMessages checks that only the alert, status updates, mitigations and
// the resolution are published, newest first, in the templates' words.
func TestUpdatesPublishOnlyMessages(t *testing.T) {
	t.Parallel()
	got := Updates(resolvedP0())
	want := []Update{
		{ID: "5-4", Kind: "Resolution", Status: "resolved", At: at(6, 40), Lines: []string{"The incident affecting api is resolved.", "Duration: 40m", "Error rates are normal."}},
		{ID: "5-3", Kind: "Update", Status: "monitoring", At: at(6, 20), Lines: []string{"Status: Monitoring", "Mitigated: by rollback", "Rolled back to v1.4.2."}},
		{ID: "5-2", Kind: "Update", Status: "monitoring", At: at(6, 10), Lines: []string{"Status: Monitoring", "A fix is out."}},
		{ID: "5-1", Kind: "Initial Alert", Status: "investigating", At: at(6, 0), Lines: []string{"We are investigating an incident affecting api.", "Impact: Every request fails"}},
	}
	if diff := cmp.Diff(got, want); diff != "" {
		t.Errorf("updates (-got +want):\n%s", diff)
	}
	if n := len(Updates(openP1())); n != 2 {
		t.Errorf("open P1 publishes %d messages, want 2 (its timeline note, commander change and link are internal)", n)
	}
}

// TestWithhold checks that mentions of people and teams are withheld, and that addresses and
// code are not mistaken for them.
func TestWithhold(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"@ada is on it", "[name withheld] is on it"},
		{"ask @acme/sre-team now", "ask [name withheld] now"},
		{"(@grace-h) and @x", "([name withheld]) and [name withheld]"},
		{"mail ops@example.com", "mail ops@example.com"},
		{"the `@decorator` stays", "the `@decorator` stays"},
		{"no mention", "no mention"},
	}
	for _, tt := range tests {
		if got := withhold(tt.in); got != tt.want {
			t.Errorf("withhold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSlug checks component ids.
func TestSlug(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"Auth API": "auth-api", "  web/edge  ": "web-edge", "日本": "service", "P0--x": "p0-x"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestShowNames publishes @mentions as written only when the policy says so; otherwise every
// one is withheld, in the title, the impact, the ETA, the mitigation and the text.
func TestShowNames(t *testing.T) {
	t.Parallel()
	r := record(9,
		entry(1, at(9, 0), incident.Entry{Type: incident.Declared, Severity: "P2", Title: "Search slow for @acme/eu", Service: "search",
			Impact: "@bob's tenants see timeouts", Commander: "ada"}),
		entry(2, at(9, 10), incident.Entry{Type: incident.Mitigated, How: "@bob's rollback", ETA: "ask @ada", Text: "Thanks @grace."}),
	)
	for _, names := range []bool{false, true} {
		s := Build([]incident.Record{r}, Options{Now: at(10, 0), ShowNames: names})
		in := s.Open[0]
		var all strings.Builder
		all.WriteString(in.Title + "\n")
		for _, u := range in.Updates {
			all.WriteString(strings.Join(u.Lines, "\n") + "\n")
		}
		mentions := strings.Count(all.String(), "@")
		withheld := strings.Count(all.String(), Withheld)
		if names && (mentions != 5 || withheld != 0) || !names && (mentions != 0 || withheld != 5) {
			t.Errorf("ShowNames %v: %d mentions, %d withheld, want 5 of one kind:\n%s", names, mentions, withheld, all.String())
		}
	}
}
