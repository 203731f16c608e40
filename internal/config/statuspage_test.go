package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseStatusPage(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		text string
		edit func(s *StatusPage)
	}{
		"title":          {"status_page: {title: Acme status}\n", func(s *StatusPage) { s.Title = "Acme status" }},
		"services":       {"status_page:\n  services: [web, Auth API, billing]\n", func(s *StatusPage) { s.Services = []string{"web", "Auth API", "billing"} }},
		"title of 100":   {"status_page: {title: " + strings.Repeat("a", 100) + "}\n", func(s *StatusPage) { s.Title = strings.Repeat("a", 100) }},
		"empty title":    {"status_page: {title: \"\"}\n", func(s *StatusPage) {}},
		"empty services": {"status_page: {services: []}\n", func(s *StatusPage) {}},
		"null values":    {"status_page:\n  title:\n  services:\n", func(s *StatusPage) {}},
		"null section":   {"status_page:\n", func(s *StatusPage) {}},
		"show names":     {"status_page: {show_names: true}\n", func(s *StatusPage) { s.ShowNames = true }},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := Default()
			tc.edit(&want.StatusPage)
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

func TestParseStatusPageErrors(t *testing.T) {
	t.Parallel()
	const (
		keys    = "valid keys: title, services, show_names"
		service = "; a service is one line of 1 to 100 characters, e.g. auth"
		title   = "; a title is one line of 1 to 100 characters, e.g. Shop status"
	)
	checkInvalid(t, map[string]invalidCase{
		"unknown key":       {"status_page: {names: true}\n", "f.yml:1:15: status_page.names: unknown key; " + keys},
		"show names a word": {"status_page: {show_names: yes please}\n", "f.yml:1:27: status_page.show_names: want true or false, got the string \"yes please\""},
		"not a mapping":     {"status_page: [web]\n", "f.yml:1:14: status_page: want a mapping, got a list; " + keys},
		"services string":   {"status_page: {services: web}\n", "f.yml:1:25: status_page.services: want a list of service names, got the string \"web\""},
		"empty service":     {"status_page: {services: [\"\"]}\n", "f.yml:1:26: status_page.services[0]: service is empty" + service},
		"blank service":     {"status_page: {services: [\" \"]}\n", "f.yml:1:26: status_page.services[0]: service is empty" + service},
		"long service":      {"status_page: {services: [" + strings.Repeat("s", 101) + "]}\n", "f.yml:1:26: status_page.services[0]: service \"" + strings.Repeat("s", 40) + "...\" is longer than 100 characters" + service},
		"two lines":         {"status_page: {services: [\"a\\nb\"]}\n", "f.yml:1:26: status_page.services[0]: service \"a\\nb\" is not one line" + service},
		"listed twice":      {"status_page: {services: [web, Web]}\n", "f.yml:1:25: status_page.services: service \"Web\" is listed twice; list each service once"},
		"long title":        {"status_page: {title: " + strings.Repeat("t", 101) + "}\n", "f.yml:1:22: status_page.title: title \"" + strings.Repeat("t", 40) + "...\" is longer than 100 characters" + title},
		"title not string":  {"status_page: {title: 5}\n", "f.yml:1:22: status_page.title: want a string, got 5"},
	})
}
