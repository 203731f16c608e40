// Package fromapi reads a change set through GitHub's API: a compare (a push) or a pull
// request's files and commits, with the limits the API has and FromGit does not. It is apart
// from internal/change so that the guard on a checkout links no HTTP client.
package fromapi

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/change"
)

// API limits, as GitHub documents them. Past them the file list is cut short, so a change set
// read through the API is marked Incomplete and the guard fails closed.
const (
	// MaxCompareFiles is the most files a compare lists.
	// https://docs.github.com/rest/commits/commits#compare-two-commits
	MaxCompareFiles = 300
	// MaxPullFiles is the most files a pull request's file list holds.
	// https://docs.github.com/rest/pulls/pulls#list-pull-requests-files
	MaxPullFiles = 3000
	// perPage is the largest page GitHub serves; the default is 30.
	perPage = 100
	// maxPages bounds a paginated read: 3,000 files are 30 pages.
	maxPages = 100
)

// emptyBlob is git's well-known SHA of the empty file.
const emptyBlob = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"

// Compare reads the change base...head from GitHub's compare API in one request: the files
// changed from the merge base to head, and the commits on head since then, oldest first. It is
// what a push to a hotfix branch is judged on.
//
// The counts are the ones FromGit gives for the same range, with these limits of the API:
//   - Binary: GitHub counts a binary file 0 and 0 and sends no patch. A file added, removed or
//     modified with no lines counted and no patch is taken as binary, unless its blob is the empty
//     file. A file whose mode alone changed looks the same, so it reads as binary too; a binary
//     file that was also renamed or copied reads as a plain rename.
//   - Mode changes are not in the API: OldMode and NewMode stay empty, and status "changed" (a
//     type change) is Modified.
//   - Similarity is not in the API and stays 0.
//   - WhitespaceOnly is decided from the file's patch, with the rule of File.WhitespaceOnly; a
//     file whose patch GitHub leaves out (a large diff) is not whitespace only.
//
// The commits are read 100 a page, following the Link header, so a range past the 250 commits
// an unpaged compare lists is read whole, and HeadSHA is the last one listed; the files come
// with the first page. Set.Incomplete says why the set may be short: 300 files, which is where
// compare stops listing them, or fewer commits listed than total_commits.
func Compare(ctx context.Context, c *github.Client, owner, repo, base, head string) (change.Set, error) {
	if err := errors.Join(checkAPIRef("base", base), checkAPIRef("head", head)); err != nil {
		return change.Set{}, err
	}
	cmp, err := compareAll(ctx, c, owner, repo, base, head)
	if err != nil {
		return change.Set{}, fmt.Errorf("compare %s...%s in %s/%s: %w", base, head, owner, repo, err)
	}
	set := change.Set{Base: base, Head: head, BaseSHA: cmp.GetMergeBaseCommit().GetSHA(), HeadSHA: head}
	if set.Files, err = apiFiles(cmp.Files); err != nil {
		return change.Set{}, fmt.Errorf("compare %s...%s in %s/%s: %w", base, head, owner, repo, err)
	}
	set.Commits = apiCommits(cmp.Commits)
	if n := len(set.Commits); n > 0 {
		set.HeadSHA = set.Commits[n-1].SHA
	}
	set.Incomplete = compareIncomplete(len(set.Files), len(set.Commits), cmp.GetTotalCommits())
	return set, nil
}

// compareAll reads a compare 100 commits a page until a response has no next link: the first
// page's comparison (its files included) with the later pages' commits appended.
// https://docs.github.com/rest/commits/commits#compare-two-commits
func compareAll(ctx context.Context, c *github.Client, owner, repo, base, head string) (*github.CommitsComparison, error) {
	opts := &github.ListOptions{PerPage: perPage}
	cmp, resp, err := c.Repositories.CompareCommits(ctx, owner, repo, base, head, opts)
	for pages := 1; err == nil && resp.NextPage > opts.Page && pages < maxPages; pages++ {
		opts.Page = resp.NextPage
		var more *github.CommitsComparison
		if more, resp, err = c.Repositories.CompareCommits(ctx, owner, repo, base, head, opts); err == nil {
			cmp.Commits = append(cmp.Commits, more.Commits...)
		}
	}
	return cmp, err
}

// compareIncomplete names why a compare's lists may be cut short, or returns "".
func compareIncomplete(files, commits, totalCommits int) string {
	var why []string
	if files >= MaxCompareFiles {
		why = append(why, fmt.Sprintf("compare lists at most %d files and listed %d", MaxCompareFiles, files))
	}
	if totalCommits > commits {
		why = append(why, fmt.Sprintf("compare listed %d of %d commits", commits, totalCommits))
	}
	return strings.Join(why, "; ")
}

// checkAPIRef refuses a ref that would change the compare URL's meaning.
func checkAPIRef(role, ref string) error {
	if strings.ContainsAny(ref, "?#") || strings.Contains(ref, "...") {
		return fmt.Errorf("%s ref %q holds '?', '#' or '...'; give a branch name or a SHA", role, ref)
	}
	return change.CheckRef(role, ref)
}

// apiStatus maps GitHub's file statuses to the change set's. "changed" is a type change, which
// FromGit also reports as Modified; "unchanged" is listed by GitHub with no lines changed.
var apiStatus = map[string]change.Status{
	"added": change.Added, "removed": change.Deleted, "modified": change.Modified, "renamed": change.Renamed,
	"copied": change.Copied, "changed": change.Modified, "unchanged": change.Modified,
}

// apiFiles converts GitHub's file entries.
func apiFiles(in []*github.CommitFile) ([]change.File, error) {
	files := make([]change.File, 0, len(in))
	for _, cf := range in {
		f, err := apiFile(cf)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// apiFile converts one file entry; see Compare for what the API can't tell.
func apiFile(cf *github.CommitFile) (change.File, error) {
	status, ok := apiStatus[cf.GetStatus()]
	if !ok {
		return change.File{}, fmt.Errorf("file %s: status %q is not one GitHub documents (added, removed, modified, renamed, copied, changed, unchanged)", cf.GetFilename(), cf.GetStatus())
	}
	f := change.File{Path: cf.GetFilename(), Status: status, Additions: cf.GetAdditions(), Deletions: cf.GetDeletions()}
	if status == change.Renamed || status == change.Copied {
		f.OldPath = cf.GetPreviousFilename()
	}
	f.Binary = looksBinary(cf)
	if cf.GetPatch() != "" && cf.GetStatus() != "changed" && (status == change.Modified || status == change.Renamed || status == change.Copied) {
		only, err := change.PatchWhitespaceOnly(cf.GetPatch())
		if err != nil {
			return change.File{}, fmt.Errorf("file %s: %w", f.Path, err)
		}
		f.WhitespaceOnly = only
	}
	return f, nil
}

// looksBinary reports a file that GitHub counts 0 and 0 and sends no patch for, other than an
// empty file, a rename or a copy.
func looksBinary(cf *github.CommitFile) bool {
	switch cf.GetStatus() {
	case "added", "removed", "modified":
	default:
		return false
	}
	return cf.GetAdditions() == 0 && cf.GetDeletions() == 0 && cf.GetPatch() == "" && cf.GetSHA() != emptyBlob
}

// apiCommits converts GitHub's commits, keeping their parents and subjects.
func apiCommits(in []*github.RepositoryCommit) []change.Commit {
	commits := make([]change.Commit, 0, len(in))
	for _, rc := range in {
		c := change.Commit{SHA: rc.GetSHA(), Parents: []string{}}
		for _, p := range rc.Parents {
			c.Parents = append(c.Parents, p.GetSHA())
		}
		c.Subject = subject(rc.GetCommit().GetMessage())
		commits = append(commits, c)
	}
	return commits
}

// subject is a commit message's subject as git log's %s prints it: the first paragraph, its lines
// joined with spaces.
func subject(message string) string {
	para, _, _ := strings.Cut(strings.TrimLeft(message, "\n"), "\n\n")
	return strings.Join(strings.Fields(strings.ReplaceAll(para, "\n", " ")), " ")
}

// Pull reads the change of pull request number through the API: the pull request, its files
// in pages of 100 (every page, following the Link header), and its commits. The files are
// compared as GitHub shows them, from the merge base of the base branch to the head; the same
// limits as Compare apply to what each file can tell. BaseSHA is the base branch's commit the
// pull request was last compared with, as GitHub reports it.
//
// Set.Incomplete says why the set may be short: fewer files listed than the pull request's
// changed_files, the 3,000 files GitHub lists at most, or fewer commits than its commits count
// (the commit list stops at 250).
func Pull(ctx context.Context, c *github.Client, owner, repo string, number int) (change.Set, error) {
	pr, _, err := c.PullRequests.Get(ctx, owner, repo, number)
	if err != nil {
		return change.Set{}, fmt.Errorf("pull request #%d in %s/%s: %w", number, owner, repo, err)
	}
	set := change.Set{Base: pr.GetBase().GetRef(), Head: pr.GetHead().GetRef(), BaseSHA: pr.GetBase().GetSHA(), HeadSHA: pr.GetHead().GetSHA()}
	raw, err := every(ctx, func(ctx context.Context, o *github.ListOptions) ([]*github.CommitFile, *github.Response, error) {
		return c.PullRequests.ListFiles(ctx, owner, repo, number, o)
	})
	if err != nil {
		return change.Set{}, fmt.Errorf("files of pull request #%d in %s/%s: %w", number, owner, repo, err)
	}
	if set.Files, err = apiFiles(raw); err != nil {
		return change.Set{}, fmt.Errorf("files of pull request #%d in %s/%s: %w", number, owner, repo, err)
	}
	commits, err := every(ctx, func(ctx context.Context, o *github.ListOptions) ([]*github.RepositoryCommit, *github.Response, error) {
		return c.PullRequests.ListCommits(ctx, owner, repo, number, o)
	})
	if err != nil {
		return change.Set{}, fmt.Errorf("commits of pull request #%d in %s/%s: %w", number, owner, repo, err)
	}
	set.Commits = apiCommits(commits)
	set.Incomplete = pullIncomplete(len(set.Files), pr.GetChangedFiles(), len(set.Commits), pr.GetCommits())
	return set, nil
}

// pullIncomplete names why a pull request's lists may be cut short, or returns "".
func pullIncomplete(files, changedFiles, commits, totalCommits int) string {
	var why []string
	switch {
	case files < changedFiles:
		why = append(why, fmt.Sprintf("read %d files of the %d the pull request changes", files, changedFiles))
	case files >= MaxPullFiles:
		why = append(why, fmt.Sprintf("a pull request lists at most %d files and listed %d", MaxPullFiles, files))
	}
	if commits < totalCommits {
		why = append(why, fmt.Sprintf("read %d commits of the pull request's %d", commits, totalCommits))
	}
	return strings.Join(why, "; ")
}

// every reads all pages of a list, 100 items a page, one request at a time. It stops with an
// error past maxPages, which no list the guard reads needs.
func every[T any](ctx context.Context, list func(context.Context, *github.ListOptions) ([]T, *github.Response, error)) ([]T, error) {
	opts := &github.ListOptions{PerPage: perPage}
	var all []T
	for pages := 1; ; pages++ {
		if pages > maxPages {
			return nil, fmt.Errorf("more than %d pages of %d", maxPages, perPage)
		}
		page, resp, err := list(ctx, opts)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if resp == nil || resp.NextPage == 0 {
			return all, nil
		}
		opts.Page = resp.NextPage
	}
}
