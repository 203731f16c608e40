// Package statuspage renders a public status page from the incidents: a static site with
// index.html (the overall state, each service's state, the open incidents and recent history),
// one page per incident under incidents/, an Atom feed (feed.atom) and status.json in the shape
// of Atlassian Statuspage's summary.json, so that existing status widgets can read it.
//
// Only stakeholder messages are published: the initial alert, the status updates and
// mitigations, and the resolution, worded as the incident's communication templates word them
// (internal/incident, message.go), without the people: no commander, no author, and @mentions
// in a message's text are withheld. The internal log (timeline notes, severity and commander
// changes, links) and every comment are never read into the site.
//
// An open incident's severity sets its service's state:
//
//	P0  major_outage          (incident impact critical)
//	P1  partial_outage        (incident impact major)
//	P2  degraded_performance  (incident impact minor)
//	P3  operational, with the incident shown as a notice (incident impact none)
//
// The overall indicator is the worst service's: critical, major, minor or none, with
// Statuspage's descriptions. The flow is Load (the GitHub reads), Build (pure), Render (pure),
// then Write (a temporary directory renamed into place).
package statuspage
