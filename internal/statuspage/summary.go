package statuspage

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// The shapes of Atlassian Statuspage's /api/v2/summary.json, the fields widgets read.
// https://developer.statuspage.io/#operation/getPagesPageIdSummary (the public page API:
// https://metastatuspage.com/api#summary)
type (
	summaryDoc struct {
		Page        summaryPage        `json:"page"`
		Components  []summaryComponent `json:"components"`
		Incidents   []summaryIncident  `json:"incidents"`
		Maintenance []summaryIncident  `json:"scheduled_maintenances"`
		Status      summaryStatus      `json:"status"`
	}
	summaryPage struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		URL       string `json:"url"`
		TimeZone  string `json:"time_zone"`
		UpdatedAt string `json:"updated_at"`
	}
	summaryComponent struct {
		ID                 string  `json:"id"`
		Name               string  `json:"name"`
		Status             string  `json:"status"`
		CreatedAt          string  `json:"created_at"`
		UpdatedAt          string  `json:"updated_at"`
		Position           int     `json:"position"`
		Description        *string `json:"description"`
		Showcase           bool    `json:"showcase"`
		StartDate          *string `json:"start_date"`
		GroupID            *string `json:"group_id"`
		PageID             string  `json:"page_id"`
		Group              bool    `json:"group"`
		OnlyShowIfDegraded bool    `json:"only_show_if_degraded"`
	}
	summaryIncident struct {
		ID              string          `json:"id"`
		Name            string          `json:"name"`
		Status          string          `json:"status"`
		CreatedAt       string          `json:"created_at"`
		UpdatedAt       string          `json:"updated_at"`
		MonitoringAt    *string         `json:"monitoring_at"`
		ResolvedAt      *string         `json:"resolved_at"`
		Impact          string          `json:"impact"`
		Shortlink       string          `json:"shortlink"`
		StartedAt       string          `json:"started_at"`
		PageID          string          `json:"page_id"`
		IncidentUpdates []summaryUpdate `json:"incident_updates"`
		Components      []summaryRef    `json:"components"`
	}
	summaryUpdate struct {
		ID         string `json:"id"`
		Status     string `json:"status"`
		Body       string `json:"body"`
		IncidentID string `json:"incident_id"`
		CreatedAt  string `json:"created_at"`
		UpdatedAt  string `json:"updated_at"`
		DisplayAt  string `json:"display_at"`
	}
	summaryRef struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Status string `json:"status"`
	}
	summaryStatus struct {
		Indicator   string `json:"indicator"`
		Description string `json:"description"`
	}
)

// Summary is status.json: the site as Statuspage's summary.json, listing the open incidents
// (summary.json lists only the unresolved ones).
func Summary(s Site) ([]byte, error) {
	doc := summaryDoc{
		Page:        summaryPage{ID: s.Page.ID, Name: s.Page.Name, URL: s.Page.URL, TimeZone: "Etc/UTC", UpdatedAt: stamp(s.Page.Updated)},
		Components:  []summaryComponent{},
		Incidents:   []summaryIncident{},
		Maintenance: []summaryIncident{},
		Status:      summaryStatus{Indicator: s.Indicator, Description: s.Summary},
	}
	for _, c := range s.Components {
		doc.Components = append(doc.Components, summaryComponent{ID: c.ID, Name: c.Name, Status: c.Status, CreatedAt: stamp(c.Updated),
			UpdatedAt: stamp(c.Updated), Position: c.Position, PageID: s.Page.ID})
	}
	for _, in := range s.Open {
		doc.Incidents = append(doc.Incidents, summaryOf(s, in))
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode status.json: %w", err)
	}
	return append(data, '\n'), nil
}

// summaryOf is one incident as summary.json shows it.
func summaryOf(s Site, in Incident) summaryIncident {
	out := summaryIncident{ID: in.ID, Name: in.Title, Status: in.Status, CreatedAt: stamp(in.Created), UpdatedAt: stamp(in.Updated),
		MonitoringAt: optional(in.Monitored), ResolvedAt: optional(in.Resolved), Impact: in.Impact, Shortlink: link(s.Page.URL, in.Path()),
		StartedAt: stamp(in.Started), PageID: s.Page.ID, IncidentUpdates: []summaryUpdate{}}
	for _, u := range in.Updates {
		out.IncidentUpdates = append(out.IncidentUpdates, summaryUpdate{ID: u.ID, Status: u.Status, Body: strings.Join(u.Lines, "\n"),
			IncidentID: in.ID, CreatedAt: stamp(u.At), UpdatedAt: stamp(u.At), DisplayAt: stamp(u.At)})
	}
	for _, c := range s.Components {
		if strings.EqualFold(c.Name, in.Service) {
			out.Components = append(out.Components, summaryRef{ID: c.ID, Name: c.Name, Status: c.Status})
		}
	}
	return out
}

// stamp is a time as summary.json writes it.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// optional is a time that may be unknown: null when zero.
func optional(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := stamp(t)
	return &s
}

// link is path under the page's URL, or path itself when the URL is not known.
func link(base, path string) string {
	if base == "" {
		return path
	}
	return strings.TrimSuffix(base, "/") + "/" + path
}
