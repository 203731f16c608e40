package postmortem

import (
	"context"
	"errors"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestReadTemplate: no path is the built-in template; a path on the branch is read; a path the
// branch lacks is ErrNoTemplate, naming the path and the branch.
func TestReadTemplate(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("main", map[string]string{".github/pm.md": "# {{.Title}}\n"})
	ctx := context.Background()
	if got, err := ReadTemplate(ctx, s.Client, repo, "", "main"); got != "" || err != nil {
		t.Errorf("ReadTemplate with no path = %q, %v", got, err)
	}
	if got, err := ReadTemplate(ctx, s.Client, repo, ".github/pm.md", "main"); got != "# {{.Title}}\n" || err != nil {
		t.Errorf("ReadTemplate = %q, %v", got, err)
	}
	_, err := ReadTemplate(ctx, s.Client, repo, ".github/missing.md", "main")
	if !errors.Is(err, ErrNoTemplate) || err.Error() != "the policy's postmortem template .github/missing.md is not on main" {
		t.Errorf("ReadTemplate of a missing file = %v", err)
	}
}
