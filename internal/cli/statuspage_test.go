package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestStatusPageOpenP1 declares a P1 on auth through `hotfix run`, posts a public /status, an
// internal /timeline note and a plain comment, and renders the page: auth is a partial outage
// with the public updates, status.json agrees, and no internal text or person is in the site.
func TestStatusPageOpenP1(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	dispatch := writeEvent(t, map[string]any{"ref": "refs/heads/main", "repository": sandboxRepo, "sender": map[string]any{"login": "alice"},
		"inputs": map[string]any{"title": "Logins fail", "severity": "P1", "service": "auth", "impact": "Nobody can sign in"}})
	if got := run(t, t.TempDir(), incidentVars(t, s, "workflow_dispatch", dispatch, ""), "run"); got.code != ExitOK {
		t.Fatalf("declare: exit %d\n%s\n%s", got.code, got.stdout, got.stderr)
	}
	for _, body := range []string{"/status identified token signer rotated, rolling back", "/timeline paged db-oncall, SECRET-INTERNAL-NOTE"} {
		if got := run(t, t.TempDir(), incidentVars(t, s, "issue_comment", commentEvent(t, s, 1, body), ""), "run"); got.code != ExitOK {
			t.Fatalf("%s: exit %d\n%s\n%s", body, got.code, got.stdout, got.stderr)
		}
	}
	commentEvent(t, s, 1, "I think it is the PLAIN-COMMENT-TEXT cache")

	out := filepath.Join(t.TempDir(), "site")
	vars := map[string]string{"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token}
	got := run(t, t.TempDir(), vars, "status-page", "--out", out, "--services", "web, auth")
	if got.code != ExitOK || !strings.Contains(got.stdout, "status page: Partial System Outage, 1 open incident(s)") {
		t.Fatalf("status-page: exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	for _, line := range []string{"wrote index.html (", "wrote incidents/1.html (", "wrote feed.atom (", "wrote status.json ("} {
		if !strings.Contains(got.stdout+got.stderr, line) {
			t.Errorf("no progress line %q in:\n%s%s", line, got.stdout, got.stderr)
		}
	}
	index := readSite(t, out, "index.html")
	containsAll(t, "index.html", index, []string{"<span>auth</span> <span class=\"state partial_outage\">Partial outage</span>",
		"<span>web</span> <span class=\"state operational\">Operational</span>", "Logins fail",
		"We are investigating an incident affecting auth.", "Impact: Nobody can sign in", "Status: Identified", "token signer rotated, rolling back"})

	var doc struct {
		Status     struct{ Indicator string }
		Components []struct{ Name, Status string }
		Incidents  []struct {
			Name, Impact    string
			IncidentUpdates []struct{ Status, Body string } `json:"incident_updates"`
		}
	}
	if err := json.Unmarshal([]byte(readSite(t, out, "status.json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Status.Indicator != "major" {
		t.Errorf("status.indicator = %q, want major (a partial outage)", doc.Status.Indicator)
	}
	wantComponents := []struct{ Name, Status string }{{"web", "operational"}, {"auth", "partial_outage"}}
	if diff := cmp.Diff(doc.Components, wantComponents); diff != "" {
		t.Errorf("components (-got +want):\n%s", diff)
	}
	if len(doc.Incidents) != 1 || doc.Incidents[0].Impact != "major" || len(doc.Incidents[0].IncidentUpdates) != 2 ||
		doc.Incidents[0].IncidentUpdates[0].Status != "identified" {
		t.Errorf("incidents = %+v, want the P1 with its alert and its update", doc.Incidents)
	}
	assertNowhere(t, out, "SECRET-INTERNAL-NOTE", "db-oncall", "PLAIN-COMMENT-TEXT", "alice", "sandbox-bot", "/status identified", "post them with", "Incident commander")
}

// readSite reads a file of the site in dir.
func readSite(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// assertNowhere fails for each of texts that any file under dir contains.
func assertNowhere(t *testing.T, dir string, texts ...string) {
	t.Helper()
	files := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files++
		for _, s := range texts {
			if strings.Contains(string(data), s) {
				t.Errorf("%s contains %q", path, s)
			}
		}
		return err
	})
	if err != nil || files < 4 {
		t.Fatalf("walk %s: %v, %d files", dir, err, files)
	}
}

// TestStatusPageUsage checks the command's usage errors: each names the input and what is valid.
func TestStatusPageUsage(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	vars := map[string]string{"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token}
	taken := t.TempDir()
	mustWriteFile(t, filepath.Join(taken, "notes.txt"), "keep me")
	tests := []struct {
		name string
		vars map[string]string
		args []string
		code int
		want string
	}{
		{"no --out", vars, nil, ExitUsage, "--out is required: the directory to write the status page to"},
		{"an argument", vars, []string{"site"}, ExitUsage, `unexpected argument "site"; give the output directory with --out`},
		{"a bad window", vars, []string{"--out", "x", "--since", "soon"}, ExitUsage, `--since "soon" is not a window`},
		{"no token", map[string]string{"GITHUB_REPOSITORY": "acme/shop"}, []string{"--out", "x"}, ExitUsage, "no GitHub token"},
		{"someone's directory", vars, []string{"--out", taken}, ExitFailed, "is not empty and holds no status.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := run(t, t.TempDir(), tt.vars, append([]string{"status-page"}, tt.args...)...)
			if got.code != tt.code || !strings.Contains(got.stderr, tt.want) {
				t.Errorf("exit %d, want %d with %q\nstdout:\n%s\nstderr:\n%s", got.code, tt.code, tt.want, got.stdout, got.stderr)
			}
		})
	}
	help := run(t, t.TempDir(), nil, "help", "status-page")
	containsAll(t, "help status-page", help.stdout+help.stderr, []string{"-out dir", "-services list", "-since window", "status_page.services"})
	if data, err := os.ReadFile(filepath.Join(taken, "notes.txt")); err != nil || string(data) != "keep me" {
		t.Errorf("the refused directory changed: %q, %v", data, err)
	}
}

func mustWriteFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStatusPageServicesFromPolicy checks that the policy's status_page section names the page
// and its services, that the options win over it, and that a bad section is a policy error.
func TestStatusPageServicesFromPolicy(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("main", map[string]string{".github/hotfix.yml": "status_page:\n  title: Acme status\n  services: [web, auth]\n"})
	vars := map[string]string{"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token}
	page := func(args ...string) (string, []string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "site")
		if got := run(t, t.TempDir(), vars, append([]string{"status-page", "--out", out}, args...)...); got.code != ExitOK {
			t.Fatalf("status-page %v: exit %d\n%s\n%s", args, got.code, got.stdout, got.stderr)
		}
		var doc struct {
			Page       struct{ Name string }
			Components []struct{ Name, Status string }
		}
		if err := json.Unmarshal([]byte(readSite(t, out, "status.json")), &doc); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range doc.Components {
			names = append(names, c.Name+"="+c.Status)
		}
		return doc.Page.Name, names
	}
	name, services := page()
	if diff := cmp.Diff([]any{name, services}, []any{"Acme status", []string{"web=operational", "auth=operational"}}); diff != "" {
		t.Errorf("from the policy (-got +want):\n%s", diff)
	}
	name, services = page("--title", "Shop", "--services", "api")
	if diff := cmp.Diff([]any{name, services}, []any{"Shop", []string{"api=operational"}}); diff != "" {
		t.Errorf("with the options (-got +want):\n%s", diff)
	}

	s.Push("main", map[string]string{".github/hotfix.yml": "status_page:\n  services: [web, WEB]\n"})
	got := run(t, t.TempDir(), vars, "status-page", "--out", filepath.Join(t.TempDir(), "site"))
	if got.code != ExitUsage || !strings.Contains(got.stderr, `status_page.services: service "WEB" is listed twice`) {
		t.Errorf("bad policy: exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
}
