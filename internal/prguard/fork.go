package prguard

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/incident-hotfix/incident-hotfix/internal/backport"
	"github.com/incident-hotfix/incident-hotfix/internal/config"
)

// MeasureFrom sets a push's base to the branch the hotfix was cut from, the production branch or
// a maintenance branch (the glob release, config's default when empty), as its pull request into
// that branch will be measured, and says so on log when that is not the production branch. A
// pull request keeps its base.
func (t *Target) MeasureFrom(ctx context.Context, r Repo, release string, log io.Writer) error {
	if t.PR != nil {
		return nil
	}
	base, err := forkBase(ctx, r, t.Head, t.Base, cmp.Or(strings.TrimSpace(release), config.Default().Branches.Release))
	if err != nil {
		return err
	}
	if base != t.Base {
		fmt.Fprintf(log, "guard: the push was cut from %s, not %s, so it is measured from %s\n", base, t.Base, base)
	}
	t.Base = base
	return nil
}

// forkBase finds the branch a pushed hotfix was cut from, so that a push is measured against the
// branch it will merge into, as its pull request will be: of the production branch and the
// maintenance branches (the glob maintenance), the one whose merge base with head leaves the
// fewest commits on head. A tie goes to production. With no maintenance branch it asks nothing
// more than the list of branches.
func forkBase(ctx context.Context, r Repo, head, production, maintenance string) (string, error) {
	candidates, err := maintenanceBranches(ctx, r, maintenance)
	if err != nil || len(candidates) == 0 {
		return production, err
	}
	best, fewest := production, unrelated
	for _, b := range append([]string{production}, candidates...) {
		ahead, err := aheadOf(ctx, r, b, head)
		if err != nil {
			return "", err
		}
		if ahead < fewest {
			best, fewest = b, ahead
		}
	}
	return best, nil
}

// maintenanceBranches lists the branches that match glob.
func maintenanceBranches(ctx context.Context, r Repo, glob string) ([]string, error) {
	if glob == "" {
		return nil, nil
	}
	names, err := backport.Branches(ctx, r.Client, backport.Repo{Owner: r.Owner, Name: r.Name}, glob)
	if err != nil {
		return nil, fmt.Errorf("find the branch the hotfix was cut from: %w", err)
	}
	var out []string
	for _, n := range names {
		if ok, _ := doublestar.Match(glob, n); ok {
			out = append(out, n)
		}
	}
	return out, nil
}

// unrelated is the distance of a branch with no history in common with the head.
const unrelated = int(^uint(0) >> 1)

// aheadOf counts the commits head has beyond its merge base with branch; a branch with no common
// history (compare answers 404) is unrelated.
func aheadOf(ctx context.Context, r Repo, branch, head string) (int, error) {
	cmp, resp, err := r.Client.Repositories.CompareCommits(ctx, r.Owner, r.Name, branch, head, nil)
	if resp != nil && resp.StatusCode == http.StatusNotFound {
		return unrelated, nil
	}
	if err != nil {
		return 0, fmt.Errorf("compare %s...%.12s to find the branch the hotfix was cut from: %w", branch, head, err)
	}
	return cmp.GetAheadBy(), nil
}
