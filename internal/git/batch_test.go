package git

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
)

func TestBatchAnswersInTurn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{
		{"init", "--quiet", "-b", "main", dir},
		{"-C", dir, "-c", "user.name=a", "-c", "user.email=a@example.com", "commit", "--quiet", "--allow-empty", "-m", "first"},
	} {
		if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	b, err := StartBatch(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	commit, found, err := b.Get("refs/heads/main^{commit}")
	if err != nil || !found || commit.Type != "commit" || len(commit.ID) != 40 || !strings.Contains(string(commit.Data), "\n\nfirst\n") {
		t.Fatalf("Get(main) = %+v, %t, %v; want the commit", commit, found, err)
	}
	if obj, found, err := b.Get("refs/remotes/origin/main^{commit}"); err != nil || found {
		t.Errorf("Get(origin/main) = %+v, %t, %v; want missing", obj, found, err)
	}
	if tree, found, err := b.Get(commit.ID + ":"); err != nil || !found || tree.Type != "tree" || len(tree.Data) != 0 {
		t.Errorf("Get(COMMIT:) = %+v, %t, %v; want the empty root tree", tree, found, err)
	}
	if _, _, err := b.Get("main\nHEAD"); err == nil || !strings.Contains(err.Error(), "newline") {
		t.Errorf("Get(main\\nHEAD) error = %v, want a refusal", err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

func TestBatchOutsideARepository(t *testing.T) {
	t.Parallel()
	b, err := StartBatch(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = b.Get("HEAD")
	var ge *Error
	if !errors.As(err, &ge) || ge.Code != 128 || !strings.HasPrefix(err.Error(), "git cat-file: not a git repository") {
		t.Errorf("Get outside a repository: %v (code %d), want git cat-file: not a git repository…, code 128", err, Code(err))
	}
	if _, _, again := b.Get("HEAD"); again != err {
		t.Errorf("Get after the failure = %v, want the same error %v", again, err)
	}
	if err := b.Close(); err != nil {
		t.Errorf("Close after the failure = %v, want nil (already reported)", err)
	}
}
