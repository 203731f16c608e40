package statuspage

import (
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/golden"
	"github.com/incident-hotfix/incident-hotfix/internal/incident"
)

// TestRenderGolden renders the fixture's site and compares every file with its golden copy.
func TestRenderGolden(t *testing.T) {
	t.Parallel()
	files, err := Render(Build([]incident.Record{openP1(), openP3(), resolvedP0(), oldP2()}, options()))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
		golden.Check(t, "site/"+f.Path+".golden", string(f.Data))
	}
	if got, want := strings.Join(paths, " "), "index.html incidents/7.html incidents/8.html incidents/5.html feed.atom status.json"; got != want {
		t.Errorf("files = %s, want %s", got, want)
	}
}

// TestRenderEmpty is the page of a repository with no incidents: all operational, no links.
func TestRenderEmpty(t *testing.T) {
	t.Parallel()
	o := options()
	o.URL = ""
	files, err := Render(Build(nil, o))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		golden.Check(t, "empty/"+f.Path+".golden", string(f.Data))
	}
}

// TestRenderEscapes checks that untrusted text is escaped in every format and that internal
// entries and people never reach the site.
func TestRenderEscapes(t *testing.T) {
	t.Parallel()
	files, err := Render(Build([]incident.Record{openP1()}, options()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		for _, bad := range []string{"<script>", "INTERNAL", "@ada", "grace", "@acme/sre", "example.test", "& sessions"} {
			if strings.Contains(string(f.Data), bad) {
				t.Errorf("%s contains %q", f.Path, bad)
			}
		}
	}
}
