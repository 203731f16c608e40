package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"text/template"

	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// File is one file init writes, by its path from the repository root.
type File struct {
	Path    string
	Content []byte
}

// The files init writes.
const (
	PolicyPath   = config.DefaultPath
	HotfixPath   = ".github/workflows/hotfix.yml"
	IncidentPath = ".github/workflows/incident.yml"
	// StatusPagePath publishes the public status page with GitHub Pages.
	StatusPagePath = ".github/workflows/status-page.yml"
)

// Source names the reusable workflows the callers run: this project's repository, at the major
// version tag that the release workflow moves (v0 until 1.0, as in the README).
var Source = struct{ Repository, Ref string }{"incident-hotfix/incident-hotfix", "v0"}

//go:embed templates/*.tmpl
var templates embed.FS

// tmpl parses the templates on first use, not when the binary starts (every command pays for a
// package-level parse, and only init renders).
var tmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{"quote": strconv.Quote, "line": line}).ParseFS(templates, "templates/*.tmpl"))
})

// commentColumn is where the comments of the policy file start, as in docs/policy.md.
const commentColumn = 35

// line renders a branches key with its value and a comment at commentColumn.
func line(key, value, note string) string {
	text := "  " + key + ": " + strconv.Quote(value)
	return text + strings.Repeat(" ", max(1, commentColumn-len(text))) + "# " + note
}

// Render returns the files for the facts: the policy, and the hotfix, incident and status-page
// caller workflows.
func Render(f Facts) ([]File, error) {
	data := struct {
		Facts
		Repository, Ref string
	}{f, Source.Repository, Source.Ref}
	var files []File
	for _, t := range []struct{ path, name string }{
		{PolicyPath, "policy.yml.tmpl"}, {HotfixPath, "hotfix-workflow.yml.tmpl"}, {IncidentPath, "incident-workflow.yml.tmpl"},
		{StatusPagePath, "status-page-workflow.yml.tmpl"},
	} {
		var b bytes.Buffer
		if err := tmpl().ExecuteTemplate(&b, t.name, data); err != nil {
			return nil, fmt.Errorf("render %s: %w", t.path, err)
		}
		files = append(files, File{Path: t.path, Content: b.Bytes()})
	}
	return files, nil
}
