package incident

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
	"github.com/incident-hotfix/incident-hotfix/internal/semver"
)

// maxTagLookups bounds how many tags (the highest versions first) Recent reads the date of.
const maxTagLookups = 8

// Recent finds what changed on the production branch within window before now (the pull requests
// merged into it, from one page of the most recently updated closed ones, and the tags made) and
// the last known good tag: the highest stable version tagged before cutoff. It makes at most
// 2+maxTagLookups requests.
func Recent(ctx context.Context, c *github.Client, repo Repo, production, prefix string, window time.Duration, cutoff, now time.Time) (Context, error) {
	out := Context{Production: production, Window: window}
	from := now.Add(-window)
	prs, err := mergedPRs(ctx, c, repo, production, from, now)
	if err != nil {
		return out, err
	}
	tags, err := datedTags(ctx, c, repo, prefix)
	if err != nil {
		return out, err
	}
	for _, t := range tags {
		if !t.At.Before(from) && !t.At.After(now) {
			out.Changes = append(out.Changes, t.Change)
		}
		if out.LastGood == nil && t.stable && t.At.Before(cutoff) {
			out.LastGood = &t.Change
		}
	}
	out.Changes = append(out.Changes, prs...)
	slices.SortStableFunc(out.Changes, func(a, b Change) int { return b.At.Compare(a.At) })
	return out, nil
}

// mergedPRs are the pull requests merged into base between from and to.
func mergedPRs(ctx context.Context, c *github.Client, repo Repo, base string, from, to time.Time) ([]Change, error) {
	opts := &github.PullRequestListOptions{State: "closed", Base: base, Sort: "updated", Direction: "desc", ListOptions: github.ListOptions{PerPage: 100}}
	prs, _, err := c.PullRequests.List(ctx, repo.Owner, repo.Name, opts)
	if err != nil {
		return nil, fmt.Errorf("list the pull requests merged into %s: %w", base, gh.Explain(err))
	}
	var out []Change
	for _, pr := range prs {
		at := pr.GetMergedAt().Time
		if !at.IsZero() && !at.Before(from) && !at.After(to) {
			out = append(out, Change{Kind: "pr", Number: pr.GetNumber(), Name: Clip(oneLine(pr.GetTitle()), 200), URL: pr.GetHTMLURL(), At: at.UTC()})
		}
	}
	return out, nil
}

// datedTag is a version tag with the time it was made.
type datedTag struct {
	Change
	version   *semver.Version
	stable    bool
	sha, kind string // the object the ref points at, and its type
}

// datedTags are the version tags with prefix, highest first, at most maxTagLookups of them, each
// with the tagger's date (annotated tags) or the commit's date (lightweight ones).
func datedTags(ctx context.Context, c *github.Client, repo Repo, prefix string) ([]datedTag, error) {
	refs, _, err := c.Git.ListMatchingRefs(ctx, repo.Owner, repo.Name, &github.ReferenceListOptions{Ref: "tags/" + prefix})
	if err != nil {
		return nil, fmt.Errorf("list the tags: %w", gh.Explain(err))
	}
	var tags []datedTag
	for _, ref := range refs {
		name := strings.TrimPrefix(ref.GetRef(), "refs/tags/")
		v, err := semver.StrictNewVersion(strings.TrimPrefix(name, prefix))
		if err == nil {
			tags = append(tags, datedTag{Change: Change{Kind: "tag", Name: name}, version: v, stable: v.Prerelease() == "",
				sha: ref.GetObject().GetSHA(), kind: ref.GetObject().GetType()})
		}
	}
	slices.SortFunc(tags, func(a, b datedTag) int { return b.version.Compare(a.version) })
	tags = tags[:min(len(tags), maxTagLookups)]
	for i := range tags {
		if tags[i].At, err = tagDate(ctx, c, repo, tags[i].sha, tags[i].kind); err != nil {
			return nil, err
		}
	}
	return tags, nil
}

// tagDate is when the object sha was made: the tagger's date, or the committer's.
func tagDate(ctx context.Context, c *github.Client, repo Repo, sha, kind string) (time.Time, error) {
	if kind == "tag" {
		t, _, err := c.Git.GetTag(ctx, repo.Owner, repo.Name, sha)
		if err != nil {
			return time.Time{}, fmt.Errorf("read tag object %s: %w", sha, gh.Explain(err))
		}
		return t.GetTagger().GetDate().Time.UTC(), nil
	}
	cm, _, err := c.Git.GetCommit(ctx, repo.Owner, repo.Name, sha)
	if err != nil {
		return time.Time{}, fmt.Errorf("read commit %s: %w", sha, gh.Explain(err))
	}
	return cm.GetCommitter().GetDate().Time.UTC(), nil
}
