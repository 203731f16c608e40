package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

const (
	strictPolicy = "guard:\n  max_lines: 20\n"
	loosePolicy  = "guard:\n  max_lines: 9000\n  default_deny: false\n"
)

// shadowedRepo makes a repository whose branch main holds the strict policy, and whose tags
// main and origin/main name a commit with a loosened one: git resolves both short names as the
// tags.
func shadowedRepo(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Commit("strict policy", map[string]string{DefaultPath: strictPolicy})
	r.Git("checkout", "-q", "-b", "loose")
	r.Commit("loosen the policy", map[string]string{DefaultPath: loosePolicy})
	r.Git("tag", "main")
	r.Git("tag", "origin/main")
	r.Git("checkout", "-q", "main")
	return r
}

func TestResolveNeverReadsATag(t *testing.T) {
	t.Parallel()
	r := shadowedRepo(t)
	if got := r.Git("rev-parse", "main:"+DefaultPath); !strings.HasSuffix(got, r.Git("rev-parse", "loose:"+DefaultPath)) {
		t.Fatalf("the test needs git to read main as the tag: main:%s is %s", DefaultPath, got)
	}
	remote := r.Git("rev-parse", "refs/heads/main")
	r.Git("update-ref", "refs/remotes/origin/main", remote)
	for _, base := range []string{"main", "origin/main", "refs/remotes/origin/main"} {
		p, src, err := (&Resolver{Dir: r.Dir}).Resolve(context.Background(), base)
		if err != nil {
			t.Fatalf("Resolve(%s): %v", base, err)
		}
		if p.Guard.MaxLines != 20 || src.Ref != "refs/remotes/origin/main" {
			t.Errorf("Resolve(%s) = max_lines %d from %s; want 20 from refs/remotes/origin/main", base, p.Guard.MaxLines, src)
		}
	}
	ref, err := ResolveBase(context.Background(), r.Dir, "main")
	if err != nil || ref != "refs/remotes/origin/main" {
		t.Errorf("ResolveBase(main) = %q, %v; want refs/remotes/origin/main", ref, err)
	}
}

func TestResolveLocalBranchUnderTags(t *testing.T) {
	t.Parallel()
	r := shadowedRepo(t)
	p, src, err := (&Resolver{Dir: r.Dir}).Resolve(context.Background(), "main")
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	if p.Guard.MaxLines != 20 || src.String() != ".github/hotfix.yml on refs/heads/main" {
		t.Errorf("Resolve(main) = max_lines %d from %s; want 20 from .github/hotfix.yml on refs/heads/main", p.Guard.MaxLines, src)
	}
}

func TestResolveRemoteTrackingBranchBeforeLocal(t *testing.T) {
	t.Parallel()
	r := shadowedRepo(t)
	r.Git("update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "refs/heads/main"))
	r.Git("update-ref", "refs/heads/main", r.Git("rev-parse", "refs/heads/loose")) // a stale or edited local main
	p, src, err := (&Resolver{Dir: r.Dir}).Resolve(context.Background(), "main")
	if err != nil || p.Guard.MaxLines != 20 || src.Ref != "refs/remotes/origin/main" {
		t.Errorf("Resolve(main) = max_lines %d from %s, %v; want 20 from refs/remotes/origin/main", p.Guard.MaxLines, src, err)
	}
}

// apiFile is the contents API as Resolve sees it: one file, counted.
type apiFile struct {
	data  string
	found bool
	err   error
	calls int
}

func (a *apiFile) read(_ context.Context, ref, path string) ([]byte, bool, error) {
	a.calls++
	return []byte(a.data), a.found, a.err
}

func TestResolveOrder(t *testing.T) {
	t.Parallel()
	r := shadowedRepo(t)
	file := filepath.Join(t.TempDir(), "policy.yml")
	if err := os.WriteFile(file, []byte("guard: {max_lines: 7}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		file, dir string
		api       *apiFile
		base      string
		wantLines int
		wantSrc   string
		wantErr   error
	}{
		{"the file first", file, r.Dir, &apiFile{data: loosePolicy, found: true}, "main", 7, file, nil},
		{"the checkout before the API", "", r.Dir, &apiFile{data: loosePolicy, found: true}, "main", 20, ".github/hotfix.yml on refs/heads/main", nil},
		{"the API when the checkout lacks the branch", "", r.Dir, &apiFile{data: strictPolicy, found: true}, "release/1.0", 20, ".github/hotfix.yml on release/1.0", nil},
		{"the API without a checkout", "", "", &apiFile{data: strictPolicy, found: true}, "main", 20, ".github/hotfix.yml on main", nil},
		{"no policy on the API's branch", "", "", &apiFile{}, "main", 200, "defaults (no .github/hotfix.yml on main)", nil},
		{"the API fails", "", "", &apiFile{err: errors.New("503")}, "main", 0, "", ErrRemote},
		{"an invalid policy through the API", "", "", &apiFile{data: "guard: {max_lines: lots}\n", found: true}, "main", 0, "", ErrInvalid},
		{"nothing to read", "", r.Dir, nil, "release/1.0", 0, "", ErrNoPolicy},
		{"a bad branch name", "", r.Dir, nil, "main:x", 0, "", ErrBaseRef},
		{"ancestry steps on the branch", "", r.Dir, nil, "loose~1", 20, ".github/hotfix.yml on refs/heads/loose~1", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := &Resolver{File: tt.file, Dir: tt.dir}
			if tt.api != nil {
				res.Remote = tt.api.read
			}
			p, src, err := res.Resolve(context.Background(), tt.base)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Resolve(%s) error = %v, want one matching %v", tt.base, err, tt.wantErr)
				}
				return
			}
			if err != nil || p.Guard.MaxLines != tt.wantLines || src.String() != tt.wantSrc {
				t.Errorf("Resolve(%s) = max_lines %d from %q, %v; want %d from %q", tt.base, p.Guard.MaxLines, src, err, tt.wantLines, tt.wantSrc)
			}
		})
	}
}

func TestResolveReadsEachBaseOnce(t *testing.T) {
	t.Parallel()
	api := &apiFile{data: strictPolicy, found: true}
	res := &Resolver{Remote: api.read}
	for range 3 {
		if _, _, err := res.Resolve(context.Background(), "main"); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := res.Resolve(context.Background(), "release/1.0"); err != nil {
		t.Fatal(err)
	}
	if api.calls != 2 {
		t.Errorf("the API was read %d times for two bases, want 2", api.calls)
	}
}

// TestRangeBase: the ref the policy was read from in the checkout is the range's base; an
// override file or the API resolves the base in the checkout, never as a tag.
func TestRangeBase(t *testing.T) {
	t.Parallel()
	r := shadowedRepo(t)
	ctx := context.Background()
	for _, tc := range []struct {
		src  Source
		want string
	}{
		{Source{File: DefaultPath, Ref: "refs/heads/main"}, "refs/heads/main"},
		{Source{File: "override.yml"}, "refs/heads/main"},
		{Source{File: DefaultPath, Ref: "main", API: true}, "refs/heads/main"},
	} {
		if got, err := tc.src.RangeBase(ctx, r.Dir, "main"); err != nil || got != tc.want {
			t.Errorf("RangeBase from %+v = %q, %v; want %q", tc.src, got, err, tc.want)
		}
	}
	if _, err := (Source{File: "override.yml"}).RangeBase(ctx, r.Dir, "no-such-branch"); err == nil {
		t.Error("RangeBase of a missing branch: no error")
	}
}

// TestResolveNeverReadsALookAlike: a tag named refs/remotes/origin/main (or a branch named
// refs/heads/refs/remotes/origin/main) is what git reads for that full name when the
// remote-tracking branch is missing, and a tag named refs/heads/main for refs/heads/main; the
// policy comes from the branch all the same, or from none.
func TestResolveNeverReadsALookAlike(t *testing.T) {
	t.Parallel()
	for name, lookAlike := range map[string][]string{
		"tag refs/remotes/origin/main":    {"tag", "refs/remotes/origin/main", "loose"},
		"branch refs/remotes/origin/main": {"branch", "refs/remotes/origin/main", "loose"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := lookAlikeRepo(t)
			r.Git(lookAlike...)
			if got := r.Git("rev-parse", "refs/remotes/origin/main"); got != r.Git("rev-parse", "loose") {
				t.Fatalf("the test needs git to read refs/remotes/origin/main as the look-alike: %s", got)
			}
			for _, base := range []string{"main", "refs/heads/main"} {
				p, src, err := (&Resolver{Dir: r.Dir}).Resolve(context.Background(), base)
				if err != nil || p.Guard.MaxLines != 20 || src.Ref != "refs/heads/main" {
					t.Errorf("Resolve(%s) = max_lines %d from %s, %v; want 20 from refs/heads/main", base, p.Guard.MaxLines, src, err)
				}
			}
			r.Git("update-ref", "refs/remotes/origin/main", r.Git("rev-parse", "refs/heads/main"))
			p, src, err := (&Resolver{Dir: r.Dir}).Resolve(context.Background(), "main")
			if err != nil || p.Guard.MaxLines != 20 || src.Ref != "refs/remotes/origin/main" {
				t.Errorf("with origin/main: Resolve(main) = max_lines %d from %s, %v; want 20 from refs/remotes/origin/main", p.Guard.MaxLines, src, err)
			}
		})
	}
	t.Run("tag refs/heads/main and no branch main", func(t *testing.T) {
		t.Parallel()
		r := lookAlikeRepo(t)
		r.Git("branch", "-q", "-m", "main", "trunk")
		r.Git("tag", "refs/heads/main", "loose")
		_, src, err := (&Resolver{Dir: r.Dir}).Resolve(context.Background(), "main")
		if !errors.Is(err, ErrNoPolicy) || !errors.Is(err, ErrBaseRef) {
			t.Errorf("Resolve(main) = %s, %v; want no policy (no branch main)", src, err)
		}
	})
}

// lookAlikeRepo makes a repository whose main holds the strict policy and whose branch loose
// loosens it.
func lookAlikeRepo(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Commit("strict policy", map[string]string{DefaultPath: strictPolicy})
	r.Git("checkout", "-q", "-b", "loose")
	r.Commit("loosen the policy", map[string]string{DefaultPath: loosePolicy})
	r.Git("checkout", "-q", "main")
	return r
}
