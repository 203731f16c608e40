// Package incident is the incident record: its severity model, its log of events, and the links
// between an incident and the hotfix that fixed it.
package incident

import (
	"regexp"
	"strconv"
	"sync"
)

// refLine finds "Incident: #123" on a line of its own, as a PR body states it.
var refLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?mi)^[ \t>*_-]*incident[ \t]*:[ \t]*#([0-9]{1,9})\b`)
})

// Ref returns the incident a pull-request body names with "Incident: #N", or 0.
func Ref(body string) int {
	m := refLine().FindStringSubmatch(body)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 0
	}
	return n
}
