package statuspage

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
)

// The Atom feed's elements (RFC 4287): one entry per published message.
type (
	atomFeed struct {
		XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string      `xml:"id"`
		Title   string      `xml:"title"`
		Updated string      `xml:"updated"`
		Author  atomPerson  `xml:"author"`
		Links   []atomLink  `xml:"link"`
		Entries []atomEntry `xml:"entry"`
	}
	atomPerson struct {
		Name string `xml:"name"`
	}
	atomLink struct {
		Rel  string `xml:"rel,attr,omitempty"`
		Href string `xml:"href,attr"`
	}
	atomEntry struct {
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Link    atomLink `xml:"link"`
		Content atomText `xml:"content"`
	}
	atomText struct {
		Type string `xml:"type,attr"`
		Body string `xml:",chardata"`
	}
)

// maxFeedEntries is how many of the newest messages the feed carries.
const maxFeedEntries = 50

// Feed is feed.atom: the published messages of every incident on the page, newest first.
func Feed(s Site) ([]byte, error) {
	f := atomFeed{ID: feedID(s.Page), Title: s.Page.Name, Updated: stamp(s.Page.Updated), Author: atomPerson{Name: s.Page.Name},
		Links: []atomLink{{Rel: "self", Href: link(s.Page.URL, "feed.atom")}, {Rel: "alternate", Href: link(s.Page.URL, "index.html")}}}
	for _, in := range append(append([]Incident(nil), s.Open...), s.History...) {
		for _, u := range in.Updates {
			f.Entries = append(f.Entries, atomEntry{ID: entryID(s.Page, in, u), Title: fmt.Sprintf("%s: %s", u.Kind, in.Title),
				Updated: stamp(u.At), Link: atomLink{Rel: "alternate", Href: link(s.Page.URL, in.Path())},
				Content: atomText{Type: "text", Body: strings.Join(u.Lines, "\n")}})
		}
	}
	sortEntries(f.Entries)
	if len(f.Entries) > maxFeedEntries {
		f.Entries = f.Entries[:maxFeedEntries]
	}
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode feed.atom: %w", err)
	}
	return append([]byte(xml.Header), append(data, '\n')...), nil
}

// feedID is the feed's permanent id: a tag URI when the page has no URL.
func feedID(p Page) string {
	if p.URL != "" {
		return link(p.URL, "feed.atom")
	}
	return "urn:hotfix:status:" + slug(p.ID)
}

// entryID is an update's permanent id: its anchor on the incident's page, or a URN when the
// page has no URL.
func entryID(p Page, in Incident, u Update) string {
	if p.URL != "" {
		return link(p.URL, in.Path()) + "#update-" + u.ID
	}
	return feedID(p) + ":update:" + u.ID
}

// sortEntries orders entries newest first (RFC 3339 UTC stamps sort as text), by id on a tie.
func sortEntries(es []atomEntry) {
	slices.SortStableFunc(es, func(a, b atomEntry) int {
		return cmp.Or(strings.Compare(b.Updated, a.Updated), strings.Compare(a.ID, b.ID))
	})
}
