package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// oneJSONDocument fails unless stdout is exactly one JSON document, as `jq .` would read it.
func oneJSONDocument(t *testing.T, what, stdout string) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Errorf("%s: stdout is not JSON: %v\n%s", what, err, stdout)
		return
	}
	if err := dec.Decode(&v); !errors.Is(err, io.EOF) {
		t.Errorf("%s: stdout holds more than one JSON document (%v):\n%s", what, err, stdout)
	}
}

// TestJSONWithRunnerAndTokenIsOneDocument runs each --json command with a runner environment and a token, as
// a workflow step does: stdout is one JSON document (what `cmd --json > out.json` keeps), and the
// workflow commands (the token's mask, annotations) and progress are on stderr, which the runner
// reads as well.
func TestJSONWithRunnerAndTokenIsOneDocument(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	head := s.Push("hotfix/x", map[string]string{"a.txt": "a\n"})
	r := gittest.New(t)
	r.Commit("base", map[string]string{"README.md": "shop\n"})
	r.Git("tag", "-a", "-m", "v1.2.3", "v1.2.3")
	r.Git("checkout", "-q", "-b", "hotfix/fix")
	r.Commit("fix", map[string]string{"README.md": "shop, fixed\n"})
	for name, args := range map[string][]string{
		"report":            {"report", "--json"},
		"guard":             {"guard", "--base", "main", "--head", "HEAD", "--json"},
		"release --dry-run": {"release", "--dry-run", "--base", "main", "--json"},
		"run --dry-run":     {"run", "--dry-run", "--json"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			vars := pushPayload(t, head)
			for k, v := range actionVars(t, map[string]string{"GITHUB_TOKEN": sandboxtest.Token, "GITHUB_API_URL": s.URL,
				"GITHUB_REPOSITORY": sandboxtest.Owner + "/" + sandboxtest.Name}) {
				vars[k] = v
			}
			got := run(t, r.Dir, vars, args...)
			if got.code != ExitOK {
				t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
			}
			oneJSONDocument(t, name, got.stdout)
			if name == "run --dry-run" && !strings.Contains(got.stdout, `"route": "guard"`) {
				t.Errorf("run's JSON lacks its route:\n%s", got.stdout)
			}
			if bytes.Contains([]byte(got.stdout), []byte("::")) {
				t.Errorf("stdout carries a workflow command:\n%s", got.stdout)
			}
		})
	}
}
