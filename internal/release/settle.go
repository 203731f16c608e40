package release

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/go-github/v60/github"
)

// fromNewest fills f from the page of newest tags when it settles the choice, and reports
// whether it did. A complete page is every tag, so it always does. Otherwise the highest tag
// the target contains among them, prev, is the answer when no tag left off could change it:
// a tag left off names a commit no newer than the page's oldest, so when prev's commit and
// every commit in prev...target are newer, no tag left off is at prev or between prev and the
// target. The tags prev contains are taken to be lower releases, as on a branch that releases
// upwards (git-flow's main; a line, by the rule that a patch contains its line's highest
// release), and the page must show it: older releases on it, all lower than prev. Then one
// matching-refs call lists prev's line, which is all the next patch and the line's order need.
// Anything else reads every tag.
func fromNewest(ctx context.Context, w *walker, prefix string, f *Facts, page newestPage) (bool, error) {
	var names []string
	for _, t := range page.Tags {
		names = append(names, t.Name)
	}
	f.Existing = names
	candidates, _ := releases(names, prefix, nil)
	if err := locate(ctx, w, prefix, f, candidates); err != nil {
		return page.Complete(), errIf(page.Complete(), err)
	}
	if page.Complete() {
		return true, nil
	}
	if len(f.Contained) == 0 {
		return false, nil
	}
	prev := f.Contained[0]
	i := slices.IndexFunc(page.Tags, func(t datedTag) bool { return t.Name == prev })
	if !page.Tags[i].Date.After(page.Oldest()) || !upwards(page.Tags[i+1:], prefix, prev) {
		return false, nil
	}
	if ok, err := newerRange(ctx, w, prev, f.Target, page.Oldest()); err != nil || !ok {
		return false, err
	}
	tag, _ := ParseTag(prev, prefix)
	line, err := tagNames(ctx, w.c, w.repo, tag.Line().RefPrefix(prefix))
	f.Existing = append(f.Existing, line...)
	return err == nil, err
}

// upwards reports whether the page shows releases going up to prev: it holds stable releases
// older than prev, and all of them are lower. A release older than prev and higher (v3.5.10
// before v1.3.0+build.5) means prev's history may hold a higher release the page left off.
func upwards(older []datedTag, prefix, prev string) bool {
	var names []string
	for _, t := range older {
		names = append(names, t.Name)
	}
	tags, _ := releases(names, prefix, nil)
	p, _ := ParseTag(prev, prefix)
	return len(tags) > 0 && tags[0].Version.LessThan(p.Version)
}

// errIf is err when keep is set, and nil otherwise.
func errIf(keep bool, err error) error {
	if keep {
		return err
	}
	return nil
}

// newerRange reports whether every commit in prev...target is newer than oldest: one compare
// call, false when the range holds more commits than a page lists.
func newerRange(ctx context.Context, w *walker, prev, target string, oldest time.Time) (bool, error) {
	cmp, _, err := w.c.Repositories.CompareCommits(ctx, w.repo.Owner, w.repo.Name, prev, target, &github.ListOptions{PerPage: 100})
	if err != nil {
		return false, fmt.Errorf("compare %s with %s in %s: %w", prev, short(target), w.repo, err)
	}
	if cmp.GetAheadBy() > len(cmp.Commits) {
		return false, nil
	}
	for _, c := range cmp.Commits {
		if !c.GetCommit().GetCommitter().GetDate().After(oldest) {
			return false, nil
		}
	}
	return true, nil
}
