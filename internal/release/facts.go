package release

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/gh"
)

// maxCompares bounds the compare calls that look for the highest release tag the target contains.
const maxCompares = 5

// Repo names a repository on GitHub.
type Repo struct{ Owner, Name string }

// String formats the repository as OWNER/NAME.
func (r Repo) String() string { return r.Owner + "/" + r.Name }

// Merge is the merged hotfix whose merge commit gets the tag.
type Merge struct {
	Base, Head string // the pull request's base and head branch names
	Target     string // the merge commit
}

// newestFirst is how many of the newest tags the first look at a repository reads.
const newestFirst = 100

// APIFacts reads the facts for merge from the API in few requests, whatever the repository's
// tag count. When the branch names state the line (lineOf), one matching-refs call lists just
// that line's tags (tags/v1.1.). Otherwise one GraphQL request reads the 100 tags with the
// newest commits (fromNewest), and the full list is read only when they can't settle it. Then
// compare calls, highest tag first and at most maxCompares, find the highest tag the merge
// commit contains (status "ahead") or one already at it ("identical"). Annotated tags are never
// peeled here: compare resolves tag names itself.
func APIFacts(ctx context.Context, c *github.Client, repo Repo, prefix string, b Branches, m Merge) (Facts, error) {
	return apiFacts(ctx, c, repo, prefix, b, m, newestFirst)
}

// apiFacts is APIFacts with the number of newest tags to read first.
func apiFacts(ctx context.Context, c *github.Client, repo Repo, prefix string, b Branches, m Merge, first int) (Facts, error) {
	f := Facts{Base: m.Base, Target: m.Target}
	w := &walker{c: c, repo: repo, seen: map[string]string{}}
	if l, why, ok := lineOf(m.Base, m.Head, prefix, b); ok {
		f.Line, f.LineReason = &l, why
		return f, listed(ctx, w, prefix, &f, l.RefPrefix(prefix))
	}
	page, err := newestTags(ctx, c, repo, prefix, literal(b.Maintenance), first)
	if err != nil {
		return Facts{}, err
	}
	if ok, err := fromNewest(ctx, w, prefix, &f, page); ok || err != nil {
		f.ReleaseBranches, f.BranchesRead = page.Branches, page.BranchesRead
		return f, err
	}
	f = Facts{Base: m.Base, Target: m.Target, ReleaseBranches: page.Branches, BranchesRead: page.BranchesRead}
	return f, listed(ctx, w, prefix, &f, "tags/"+prefix)
}

// literal is a glob's part before its first wildcard: the prefix every match starts with.
func literal(glob string) string {
	if i := strings.IndexAny(glob, "*?[{"); i >= 0 {
		return glob[:i]
	}
	return glob
}

// listed fills f from every tag under refs/<refPrefix>.
func listed(ctx context.Context, w *walker, prefix string, f *Facts, refPrefix string) error {
	names, err := tagNames(ctx, w.c, w.repo, refPrefix)
	if err != nil {
		return err
	}
	f.Existing = names
	candidates, _ := releases(names, prefix, f.Line)
	return locate(ctx, w, prefix, f, candidates)
}

// tagNames lists the tag names under refs/<refPrefix>. GitHub sends every match in one response
// with no Link header; a server that pages is followed until a response has no next link.
func tagNames(ctx context.Context, c *github.Client, repo Repo, refPrefix string) ([]string, error) {
	opts := &github.ReferenceListOptions{Ref: refPrefix, ListOptions: github.ListOptions{PerPage: 100}}
	var names []string
	for {
		refs, resp, err := c.Git.ListMatchingRefs(ctx, repo.Owner, repo.Name, opts)
		if err != nil {
			return nil, fmt.Errorf("list refs/%s in %s: %w", refPrefix, repo, err)
		}
		for _, r := range refs {
			names = append(names, strings.TrimPrefix(r.GetRef(), "refs/tags/"))
		}
		if resp.NextPage == 0 {
			return names, nil
		}
		opts.Page = resp.NextPage
	}
}

// locate walks candidates, highest first, until the target contains one. A tag at the target
// goes to AtTarget and the walk goes on for the previous tag; a contained tag ends the walk.
// A tag whose commit contains the target (status "behind") was made for a later merge on the
// same branch, which won the race to be tagged when merges are released at once: up to
// raceTries of those do not use up the maxCompares the walk may spend on other tags.
func locate(ctx context.Context, w *walker, prefix string, f *Facts, candidates []Tag) error {
	later := 0
	for i, t := range candidates {
		if i-min(later, raceTries) == maxCompares {
			return fmt.Errorf("%w: none of the %d highest stable %ss (%s down to %s) is in %s at %s; tag the release it patches by hand",
				ErrNoRelease, i, label(prefix), candidates[0].Name, candidates[i-1].Name, f.Base, short(f.Target))
		}
		status, err := w.relation(ctx, t.Name, f.Target)
		if err != nil {
			return err
		}
		switch status {
		case "identical":
			f.AtTarget = append(f.AtTarget, t.Name)
		case "ahead":
			f.Contained = append(f.Contained, t.Name)
			return nil
		case "behind":
			f.Containing = append(f.Containing, t.Name)
			later++
		}
	}
	return nil
}

// walker makes the compare calls of one choice, each tag once.
type walker struct {
	c    *github.Client
	repo Repo
	seen map[string]string // tag name → status
}

// relation compares tag with commit: "identical" when the tag is at it, "ahead" when the commit
// contains it, "behind" or "diverged" when it does not; no common history reads as "diverged".
func (w *walker) relation(ctx context.Context, tag, commit string) (string, error) {
	if status, ok := w.seen[tag]; ok {
		return status, nil
	}
	cmp, _, err := w.c.Repositories.CompareCommits(ctx, w.repo.Owner, w.repo.Name, tag, commit, &github.ListOptions{PerPage: 1})
	if gh.Kind(err) == gh.NotFound {
		w.seen[tag] = "diverged"
		return "diverged", nil
	}
	if err != nil {
		return "", fmt.Errorf("compare %s with %s in %s: %w", tag, short(commit), w.repo, err)
	}
	w.seen[tag] = cmp.GetStatus()
	return cmp.GetStatus(), nil
}
