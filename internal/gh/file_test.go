package gh_test

import (
	"context"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// TestFile: a file on a branch is read; a missing one is not found, with no error; a missing
// branch is not found either (the contents API answers 404).
func TestFile(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	s.Push("main", map[string]string{".github/hotfix.yml": "version: 1\n"})
	ctx := context.Background()
	data, found, err := gh.File(ctx, s.Client, sandboxtest.Owner, sandboxtest.Name, "main", ".github/hotfix.yml")
	if err != nil || !found || string(data) != "version: 1\n" {
		t.Errorf("File = %q, %v, %v; want the file", data, found, err)
	}
	for _, tc := range [][2]string{{"main", "missing.yml"}, {"no-such-branch", ".github/hotfix.yml"}} {
		if data, found, err := gh.File(ctx, s.Client, sandboxtest.Owner, sandboxtest.Name, tc[0], tc[1]); err != nil || found || data != nil {
			t.Errorf("File(%s on %s) = %q, %v, %v; want not found", tc[1], tc[0], data, found, err)
		}
	}
}

// TestDefaultBranch: the repository's default branch, or an error naming the repository.
func TestDefaultBranch(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	if got, err := gh.DefaultBranch(context.Background(), s.Client, sandboxtest.Owner, sandboxtest.Name); err != nil || got != "main" {
		t.Errorf("DefaultBranch = %q, %v; want main", got, err)
	}
	if _, err := gh.DefaultBranch(context.Background(), s.Client, "acme", "nowhere"); err == nil || !strings.Contains(err.Error(), "read repository acme/nowhere") {
		t.Errorf("DefaultBranch of a missing repository = %v", err)
	}
}
