package statuspage

import (
	"time"

	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// at is a time on the fixture's day.
func at(hh, mm int) time.Time { return time.Date(2026, 3, 14, hh, mm, 0, 0, time.UTC) }

// entry is a log entry as Load returns it: its time and comment id set.
func entry(id int64, t time.Time, e incident.Entry) incident.Entry {
	e.Time, e.ID, e.Author = t, id, "hotfix-bot"
	return e
}

// record folds entries into incident number's record.
func record(number int, entries ...incident.Entry) incident.Record {
	r := incident.Fold(entries)
	r.Number = number
	return r
}

// openP1 is an open P1 on auth: declared, an update, then internal entries that are never
// published (a timeline note, a commander change, a link).
func openP1() incident.Record {
	return record(7,
		entry(1, at(9, 0), incident.Entry{Type: incident.Declared, Severity: "P1", Title: "Logins fail <script>alert(1)</script>", Service: "auth",
			Impact: "Nobody can sign in & sessions drop", Commander: "ada", ImpactStarted: at(8, 50), Message: "**Incident declared** at P1 by @ada."}),
		entry(2, at(9, 20), incident.Entry{Type: incident.Status, State: incident.Identified, ETA: "30m", Text: "The token signer was rotated; @ada and @acme/sre roll it back."}),
		entry(3, at(9, 25), incident.Entry{Type: incident.Timeline, Text: "INTERNAL: paged the db on-call"}),
		entry(4, at(9, 26), incident.Entry{Type: incident.Commander, Login: "grace"}),
		entry(5, at(9, 30), incident.Entry{Type: incident.Linked, Kind: "pr", Number: 12, URL: "https://example.test/pr/12"}),
	)
}

// openP3 is an open P3 on billing: a notice, the service stays operational.
func openP3() incident.Record {
	return record(8, entry(11, at(10, 0), incident.Entry{Type: incident.Declared, Severity: "P3", Title: "Invoices are late", Service: "billing", Commander: "ada"}))
}

// resolvedP0 is a P0 on api, mitigated and resolved.
func resolvedP0() incident.Record {
	return record(5,
		entry(21, at(6, 0), incident.Entry{Type: incident.Declared, Severity: "P0", Title: "API down", Service: "api", Impact: "Every request fails", Commander: "ada"}),
		entry(22, at(6, 10), incident.Entry{Type: incident.Status, State: incident.Monitoring, Text: "A fix is out."}),
		entry(23, at(6, 20), incident.Entry{Type: incident.Mitigated, How: "rollback", Text: "Rolled back to v1.4.2."}),
		entry(24, at(6, 40), incident.Entry{Type: incident.Resolved, Text: "Error rates are normal."}),
	)
}

// oldP2 was resolved long before the window.
func oldP2() incident.Record {
	day := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	return record(2,
		entry(31, day, incident.Entry{Type: incident.Declared, Severity: "P2", Title: "Slow search", Service: "search"}),
		entry(32, day.Add(time.Hour), incident.Entry{Type: incident.Resolved}),
	)
}

// options are the fixture's page options.
func options() Options {
	return Options{ID: "acme/shop", Name: "Shop status", URL: "https://acme.github.io/shop/", Services: []string{"web", "auth"},
		Since: at(0, 0).AddDate(0, 0, -30), Now: at(11, 0)}
}
