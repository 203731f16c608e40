package config

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// StatusPage says what the public status page (`hotfix status-page`) shows: its name and the
// services it always lists. It publishes only the incidents' stakeholder messages, with people's
// names withheld unless ShowNames.
type StatusPage struct {
	// Title is the page's name; "" (the default) is "<repository name> status".
	Title string `yaml:"title" json:"title"`
	// Services are the services the page always lists, in this order, each operational unless
	// an open incident names it; the services incidents name that are not here follow.
	Services []string `yaml:"services" json:"services"`
	// ShowNames publishes people's @mentions in the messages as they were written; false (the
	// default) withholds each one.
	ShowNames bool `yaml:"show_names" json:"show_names"`
}

// Status page limits.
const (
	// MaxPageTitle is the most characters a status page's title may have.
	MaxPageTitle = 100
	// MaxServiceName is the most characters a service's name may have.
	MaxServiceName = 100
)

// statusPageFields are the keys under status_page.
func (d *decoder) statusPageFields(s *StatusPage) []field {
	return []field{
		{"title", func(n *yaml.Node, key string) { d.str(n, key, checkPageTitle, &s.Title) }},
		{"services", func(n *yaml.Node, key string) { d.services(n, key, &s.Services) }},
		{"show_names", func(n *yaml.Node, key string) { d.flag(n, key, &s.ShowNames) }},
	}
}

// services decodes status_page.services, a list of distinct service names, into dst.
func (d *decoder) services(n *yaml.Node, key string, dst *[]string) {
	var list []string
	d.list(n, key, "service names", checkService, &list)
	for i, name := range list {
		for _, earlier := range list[:i] {
			if name != "" && strings.EqualFold(name, earlier) {
				d.fail(n, key, "service %s is listed twice; list each service once", quote(name))
				return
			}
		}
	}
	if list != nil {
		*dst = list
	}
}

// checkPageTitle returns why s can't be the status page's title, or "".
func checkPageTitle(s string) string {
	return checkName("title", "Shop status", s, MaxPageTitle, true)
}

// checkService returns why s can't be a service's name, or "".
func checkService(s string) string {
	return checkName("service", "auth", s, MaxServiceName, false)
}

// checkName returns why s can't be a one-line name of what (such as example), at most max
// characters, or "".
func checkName(what, example, s string, max int, mayBeEmpty bool) string {
	hint := "; a " + what + " is one line of 1 to " + strconv.Itoa(max) + " characters, e.g. " + example
	switch {
	case s == "" && mayBeEmpty:
		return ""
	case strings.TrimSpace(s) == "":
		return what + " is empty" + hint
	case utf8.RuneCountInString(s) > max:
		return what + " " + quote(s) + " is longer than " + strconv.Itoa(max) + " characters" + hint
	case strings.ContainsFunc(s, unicode.IsControl):
		return what + " " + quote(s) + " is not one line" + hint
	}
	return ""
}
