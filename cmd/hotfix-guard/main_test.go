package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLinksNoHTTPClient: what makes hotfix-guard start quickly is what it does not link. Any of
// these in its dependencies (through internal/guard, change, config or runner) costs each run
// about a millisecond and a half of start-up (BENCHMARKS.md, "Startup and binary size").
func TestLinksNoHTTPClient(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list -deps listed %d packages: %q", len(deps), deps)
	}
	for _, dep := range deps {
		for _, banned := range []string{"net/http", "net", "crypto/tls", "crypto/x509", "html/template", "text/template", "crypto/rand",
			"github.com/google/go-github/v60/github", "github.com/sethvargo/go-githubactions"} {
			if dep == banned {
				t.Errorf("hotfix-guard links %s", dep)
			}
		}
	}
}
