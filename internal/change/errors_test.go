package change

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

func TestFromGitRefErrors(t *testing.T) {
	t.Parallel()
	origin := gittest.New(t)
	origin.Commit("root", map[string]string{"a.txt": "a\n"})
	origin.Git("branch", "develop")
	clone := filepath.Join(t.TempDir(), "clone")
	origin.Git("clone", "-q", "--single-branch", "--branch", "main", origin.Dir, clone)
	tests := []struct {
		name, base, head string
		want             *RefError
	}{
		{name: "missing remote branch", base: "origin/develop", head: "main",
			want: &RefError{Ref: "origin/develop", Dir: clone, Fetch: "git fetch origin develop"}},
		{name: "missing full remote ref", base: "main", head: "refs/remotes/origin/release/1.2",
			want: &RefError{Ref: "refs/remotes/origin/release/1.2", Dir: clone, Fetch: "git fetch origin release/1.2"}},
		{name: "missing local branch", base: "develop", head: "main",
			want: &RefError{Ref: "develop", Dir: clone, Fetch: "git fetch origin develop:develop"}},
		{name: "missing object", base: "main", head: "0123456789abcdef0123456789abcdef01234567",
			want: &RefError{Ref: "0123456789abcdef0123456789abcdef01234567", Dir: clone}},
		{name: "not a commit", base: "main^{tree}", head: "main",
			want: &RefError{Ref: "main^{tree}", Dir: clone}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := FromGit(context.Background(), clone, tt.base, tt.head)
			var got *RefError
			if !errors.As(err, &got) || !errors.Is(err, ErrUnknownRef) {
				t.Fatalf("FromGit = %v, want a *RefError", err)
			}
			t.Log(err)
			if diff := cmp.Diff(got, tt.want); diff != "" {
				t.Errorf("error (-got +want):\n%s", diff)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, tt.want.Ref) {
				t.Errorf("message %q is not one line naming %s", msg, tt.want.Ref)
			}
		})
	}
}

func TestFromGitNotRepository(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()
	missing := filepath.Join(empty, "nowhere")
	for name, dir := range map[string]string{"empty dir": empty, "missing dir": missing} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := FromGit(context.Background(), dir, "main", "hotfix/x")
			if !errors.Is(err, ErrNotRepository) {
				t.Fatalf("FromGit = %v, want ErrNotRepository", err)
			}
			t.Log(err)
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, dir+": not a git repository") {
				t.Errorf("message %q is not one line naming %s", msg, dir)
			}
		})
	}
}

func TestFromGitRefusesOptionLikeRefs(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("root", map[string]string{"a.txt": "a\n"})
	tests := []struct{ base, head, want string }{
		{base: "--output=/tmp/x", head: "main", want: `base ref "--output=/tmp/x" starts with '-'`},
		{base: "main", head: "-p", want: `head ref "-p" starts with '-'`},
		{base: "", head: "main", want: "base ref is empty"},
		{base: "main..main", head: "main", want: `base ref "main..main" is a range; give one commit`},
		{base: "main", head: "a\nb", want: `head ref "a\nb" holds a control character`},
	}
	for _, tt := range tests {
		_, err := FromGit(context.Background(), r.Dir, tt.base, tt.head)
		if err == nil || err.Error() != tt.want {
			t.Errorf("FromGit(%q, %q) = %v, want %q", tt.base, tt.head, err, tt.want)
		}
	}
}

func TestFromGitNoMergeBase(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("root", map[string]string{"a.txt": "a\n"})
	r.Git("checkout", "-q", "--orphan", "island")
	r.Commit("other root", map[string]string{"b.txt": "b\n"})
	_, err := FromGit(context.Background(), r.Dir, "main", "island")
	if !errors.Is(err, ErrNoMergeBase) {
		t.Fatalf("FromGit = %v, want ErrNoMergeBase", err)
	}
	if want := "no merge base between main and island in " + r.Dir; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q, want it to start with %q", err, want)
	}
}

func TestFromGitCanceled(t *testing.T) {
	t.Parallel()
	r := gittest.New(t)
	r.Commit("root", map[string]string{"a.txt": "a\n"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := FromGit(ctx, r.Dir, "main", "main"); !errors.Is(err, context.Canceled) {
		t.Errorf("FromGit with a canceled context = %v, want context.Canceled", err)
	}
}
