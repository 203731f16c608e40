package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestJSONStdoutIsOneDocument: inside an action, a command given --json prints only its JSON
// document on stdout; the token's mask and other workflow commands go to stderr, which the runner
// reads too. (The mask used to come first on stdout for remind, action-items, incident, backport
// and postmortem.)
func TestJSONStdoutIsOneDocument(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	vars := actionVars(t, map[string]string{"GITHUB_REPOSITORY": "acme/shop", "GITHUB_API_URL": s.URL, "GITHUB_TOKEN": sandboxtest.Token})
	got := run(t, t.TempDir(), vars, "remind", "--json", "--ref", "main")
	if got.code != ExitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
	dec := json.NewDecoder(strings.NewReader(got.stdout))
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil || dec.More() {
		t.Errorf("stdout is not one JSON document (%v):\n%s", err, got.stdout)
	}
	if !strings.Contains(got.stderr, "::add-mask::"+sandboxtest.Token) {
		t.Errorf("stderr lacks the token's mask:\n%s", got.stderr)
	}
}
