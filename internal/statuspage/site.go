package statuspage

import "time"

// Site is everything the page shows, decided before anything is rendered.
type Site struct {
	Page       Page
	Indicator  string // none, minor, major or critical
	Summary    string // the indicator for people: "All Systems Operational"
	Components []Component
	Open       []Incident // the open incidents, worst first, then most recent first
	History    []Incident // the resolved incidents in the window, most recent first
}

// Page names the status page.
type Page struct {
	ID      string
	Name    string
	URL     string // the page's public URL, "" when not known
	Updated time.Time
}

// Component is one service and its state.
type Component struct {
	ID       string
	Name     string
	Status   string // a component status: operational, degraded_performance, ...
	Label    string // Status for people
	Notice   bool   // an open incident that leaves the service operational (a P3)
	Position int
	Updated  time.Time
}

// Incident is an incident as the public sees it.
type Incident struct {
	Number    int
	ID        string
	Title     string
	Service   string
	Severity  string
	Status    string // investigating, identified, monitoring or resolved
	Impact    string // none, minor, major or critical
	Effect    string // the status it gives its service while open
	Started   time.Time
	Created   time.Time
	Updated   time.Time
	Monitored time.Time // zero when never monitoring
	Resolved  time.Time // zero while open
	Updates   []Update  // newest first, as Statuspage lists them
}

// Update is one published message.
type Update struct {
	ID     string
	Kind   string // Initial Alert, Update or Resolution
	Status string
	At     time.Time
	Lines  []string // the message, line by line, plain text
}

// Path is the incident's page, relative to the site's root.
func (i Incident) Path() string { return "incidents/" + i.ID + ".html" }

// Open reports whether the incident is not resolved.
func (i Incident) Open() bool { return i.Resolved.IsZero() }
