//go:build e2e

package chaos

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// webhooks holds GitHub's example payloads, which each event here starts from.
const webhooks = "../event/testdata/webhooks"

// payload writes GitHub's example payload named example with the given top-level fields
// replaced by the sandbox's objects (go-github values, marshalled as the API sends them) and
// its repository made the sandbox's. It returns the file's path.
func payload(t testing.TB, example string, fields map[string]any) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(webhooks, example+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatalf("read %s: %v", example, err)
	}
	for k, v := range fields {
		p[k] = remarshal(t, v)
	}
	repo := p["repository"].(map[string]any)
	repo["name"], repo["full_name"], repo["default_branch"] = sandboxtest.Name, sandboxtest.Owner+"/"+sandboxtest.Name, "main"
	repo["owner"].(map[string]any)["login"] = sandboxtest.Owner
	out, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), example+".json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// remarshal turns a go-github value into the plain JSON value a payload holds.
func remarshal(t testing.TB, v any) any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
