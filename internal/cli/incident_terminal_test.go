package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestDeclareAtATerminal declares an incident outside any workflow (no GITHUB_EVENT_NAME), with
// the options after the subcommand, as an on-call engineer types it.
func TestDeclareAtATerminal(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	vars := map[string]string{"GITHUB_TOKEN": sandboxtest.Token}
	common := []string{"incident", "declare", "--json", "--repository", "acme/shop", "--api-url", s.URL, "--title", "Checkout fails", "--severity", "P1"}
	got := run(t, t.TempDir(), vars, append(common, "--commander", "ada")...)
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	var doc struct {
		Number int `json:"number"`
	}
	if err := json.Unmarshal([]byte(got.stdout), &doc); err != nil || doc.Number == 0 {
		t.Fatalf("stdout is not one JSON document naming the incident (%v):\n%s", err, got.stdout)
	}
	issue, _, err := s.Client.Issues.Get(context.Background(), sandboxtest.Owner, sandboxtest.Name, doc.Number)
	if err != nil || !strings.Contains(issue.GetTitle(), "Checkout fails") {
		t.Errorf("incident #%d: %q, %v", doc.Number, issue.GetTitle(), err)
	}

	again := run(t, t.TempDir(), vars, append(common, "--commander", "ada")...)
	var second struct {
		Number int `json:"number"`
	}
	if err := json.Unmarshal([]byte(again.stdout), &second); err != nil || second.Number == doc.Number || second.Number == 0 {
		t.Errorf("the same declaration typed again = #%d (%v), want a new incident besides #%d: there is no run to rerun\n%s", second.Number, err, doc.Number, again.stderr)
	}

	noCommander := run(t, t.TempDir(), vars, common...)
	if noCommander.code != ExitUsage || !strings.Contains(noCommander.stderr, "no commander: name the incident commander's login (commander, --commander;") {
		t.Errorf("without a commander: exit %d, stderr:\n%s", noCommander.code, noCommander.stderr)
	}
	update := run(t, t.TempDir(), vars, "incident", "update", "--repository", "acme/shop", "--api-url", s.URL)
	if update.code != ExitUsage || !strings.Contains(update.stderr, "GITHUB_EVENT_NAME is not set") {
		t.Errorf("update outside a workflow: exit %d, stderr:\n%s", update.code, update.stderr)
	}
}

// TestFlagsAnywhere: options stand before or after the subcommand alike; after "--" everything
// is an argument.
func TestFlagsAnywhere(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"before", []string{"--json", "declare"}, []string{"declare"}},
		{"after", []string{"declare", "--json"}, []string{"declare"}},
		{"between", []string{"a", "--json", "b"}, []string{"a", "b"}},
		{"after the end of options", []string{"declare", "--", "--json"}, []string{"declare", "--json"}},
		{"none", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs := newFlagSet(&incidentCmd{}, &Env{Stderr: &strings.Builder{}})
			got, err := parseAnywhere(fs, tt.args)
			if err != nil || strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("parseAnywhere(%q) = %q, %v; want %q", tt.args, got, err, tt.want)
			}
			wantJSON := tt.name != "after the end of options" && tt.name != "none"
			if f := fs.Lookup("json"); (f.Value.String() == "true") != wantJSON {
				t.Errorf("--json = %s, want %v", f.Value, wantJSON)
			}
		})
	}
}

// TestVersionFlag: hotfix --version is hotfix version.
func TestVersionFlag(t *testing.T) {
	t.Parallel()
	for _, arg := range []string{"--version", "-version", "version"} {
		got := run(t, t.TempDir(), nil, arg)
		if got.code != ExitOK || !strings.HasPrefix(got.stdout, "hotfix ") {
			t.Errorf("hotfix %s: exit %d, stdout %q, stderr %q", arg, got.code, got.stdout, got.stderr)
		}
	}
}
