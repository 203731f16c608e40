package sandboxtest

import (
	"context"
	"testing"
)

func TestStartAndPush(t *testing.T) {
	t.Parallel()
	s := Start(t, Options{})
	sha := s.Push("hotfix/a", map[string]string{"a.txt": "a\n"})
	b, _, err := s.Client.Repositories.GetBranch(context.Background(), Owner, Name, "hotfix/a", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.GetCommit().GetSHA(); got != sha {
		t.Errorf("branch hotfix/a at %s, want %s", got, sha)
	}
	if got := s.Git("rev-parse", "main"); got == sha {
		t.Error("pushing hotfix/a moved main")
	}
	if s.Requests() != 1 {
		t.Errorf("Requests = %d, want 1", s.Requests())
	}
}
