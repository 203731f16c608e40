package release

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
)

// tagSet builds a repository with a main branch full of tag look-alikes, and a maintenance branch
// release/1.1 cut at v1.1.0 that got its own patches while main went on to v1.3.0. The tips of
// both branches are commits after their last tag, as a merge commit would be.
func tagSet(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	tag := func(name string, annotated bool) {
		r.Commit("before "+name, map[string]string{"version.txt": name})
		if annotated {
			r.Git("tag", "-a", "-m", "Release "+name, name)
		} else {
			r.Git("tag", name)
		}
	}
	for i, name := range []string{"0.9.0", "1.0.0-avh", "v1.0.0", "v1.1.0"} {
		tag(name, i%2 == 0)
	}
	r.Git("branch", "release/1.1")
	for i, name := range []string{"V2.5.1", "v2.10", "v1.2.0-rc.1", "v1.2.0", "sdk/metric/v1.45.0", "api/v3.5.0",
		"v3.5.9", "v3.5.10", "v3.6.0-beta.1", "v01.9.9", "nightly", "api/v3.5.1", "v1.3.0+build.5"} {
		tag(name, i%2 == 1)
	}
	r.Commit("main after its tags", map[string]string{"main.txt": "tip"})
	r.Git("checkout", "-q", "release/1.1")
	for i, name := range []string{"v1.1.1", "v1.1.2", "v1.1.3", "v1.1.4"} {
		tag(name, i%2 == 0)
	}
	r.Commit("release/1.1 after its tags", map[string]string{"release.txt": "tip"})
	r.Git("checkout", "-q", "main")
	return r
}

func TestLocalAgreesWithGitTagMerged(t *testing.T) {
	t.Parallel()
	r := tagSet(t)
	tests := []struct {
		base, prefix, want string
	}{
		{"main", "v", "v3.5.11"},
		{"release/1.1", "v", "v1.1.5"},
		{"main", "api/v", "api/v3.5.2"},
		{"main", "sdk/metric/v", "sdk/metric/v1.45.1"},
		{"main", "", "0.9.1"},
		{"release/1.1", "api/v", ""}, // the branch holds none: refused
	}
	for _, tt := range tests {
		t.Run(tt.base+"|"+tt.prefix, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			facts, err := LocalFacts(ctx, r.Dir, tt.base)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := Decide(tt.prefix, facts)
			independent := nextByHand(r.Git("tag", "--merged", tt.base), tt.prefix)
			if tt.want == "" {
				if !errors.Is(err, ErrNoRelease) || independent != "" {
					t.Fatalf("Decide = %+v, %v; by hand %q; want ErrNoRelease and nothing by hand", plan, err, independent)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if plan.Tag != independent || plan.Tag != tt.want {
				t.Errorf("Decide tag = %q, by hand from git tag --merged = %q, want %q", plan.Tag, independent, tt.want)
			}
			if got, want := plan.Target, r.Git("rev-parse", tt.base); got != want {
				t.Errorf("target = %s, want %s (the base's commit)", got, want)
			}
		})
	}
}

// nextByHand computes the next tag the plain way, without the package's parser: stable tags with
// the prefix in git's list, numerically highest, patch plus one.
func nextByHand(list, prefix string) string {
	stable := regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(\+[0-9A-Za-z.-]+)?$`)
	var best []int
	for _, name := range strings.Fields(list) {
		m := stable.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		v := []int{atoi(m[1]), atoi(m[2]), atoi(m[3])}
		if best == nil || compareInts(v, best) > 0 {
			best = v
		}
	}
	if best == nil {
		return ""
	}
	return fmt.Sprintf("%s%d.%d.%d", prefix, best[0], best[1], best[2]+1)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func compareInts(a, b []int) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] > b[i] {
				return 1
			}
			return -1
		}
	}
	return 0
}

func TestLocalReRunAndRefusals(t *testing.T) {
	t.Parallel()
	r := tagSet(t)
	r.Git("tag", "-a", "-m", "Hotfix: done", "v3.5.11")
	ctx := context.Background()
	facts, err := LocalFacts(ctx, r.Dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Decide("v", facts)
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Exists || plan.Tag != "v3.5.11" || plan.PreviousTag != "v3.5.10" {
		t.Errorf("plan = %+v, want the existing v3.5.11 after v3.5.10", plan)
	}
	for _, bad := range []struct{ dir, base string }{{r.Dir, "no-such-branch"}, {r.Dir, "--output=x"}, {t.TempDir(), "main"}} {
		if _, err := LocalFacts(ctx, bad.dir, bad.base); !errors.Is(err, ErrLocal) {
			t.Errorf("LocalFacts(%s, %q) error = %v, want ErrLocal", bad.dir, bad.base, err)
		}
	}
}
