package statuspage

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"sync"
	"time"
)

// File is one file of the site: its path under the site's root, and its content.
type File struct {
	Path string
	Data []byte
}

//go:embed templates/*.html
var templateFiles embed.FS

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"time":  func(t time.Time) string { return utc(t) },
	"iso":   func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"title": title,
	"label": func(status string) string { return labels[status] },
}

// pages are the parsed templates, one set per page kind so each defines its own content.
var pages = sync.OnceValues(func() (map[string]*template.Template, error) {
	out := map[string]*template.Template{}
	for _, name := range []string{"index.html", "incident.html"} {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", "templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("parse the status page template %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
})

// view is what a page template reads: the site, the page's title, the relative path to the
// site's root, and the incident of an incident page.
type view struct {
	Site     Site
	Title    string
	Root     string
	Incident Incident
}

// Render is every file of the site: index.html, a page per incident, feed.atom, status.json.
func Render(s Site) ([]File, error) {
	index, err := page("index.html", view{Site: s, Title: s.Page.Name + ": " + s.Summary})
	if err != nil {
		return nil, err
	}
	files := []File{{"index.html", index}}
	for _, in := range append(append([]Incident(nil), s.Open...), s.History...) {
		data, err := page("incident.html", view{Site: s, Title: in.Title + " · " + s.Page.Name, Root: "../", Incident: in})
		if err != nil {
			return nil, err
		}
		files = append(files, File{in.Path(), data})
	}
	feed, err := Feed(s)
	if err != nil {
		return nil, err
	}
	summary, err := Summary(s)
	if err != nil {
		return nil, err
	}
	return append(files, File{"feed.atom", feed}, File{"status.json", summary}), nil
}

// page executes the template name with v.
func page(name string, v view) ([]byte, error) {
	ts, err := pages()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := ts[name].ExecuteTemplate(&b, name, v); err != nil {
		return nil, fmt.Errorf("render the status page %s: %w", name, err)
	}
	return b.Bytes(), nil
}
