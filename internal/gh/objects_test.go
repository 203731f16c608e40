package gh

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/go-github/v60/github"
)

// The functions in this file are how callers write objects exactly once with Ensure: each finds
// its object by what makes it the intended one, and creates it only when absent.

// ensureRef makes ref point at sha, and refuses a ref that points elsewhere.
func ensureRef(ctx context.Context, c *github.Client, ref, sha string) (*github.Reference, error) {
	find := func(ctx context.Context) (*github.Reference, bool, error) {
		r, _, err := c.Git.GetRef(ctx, "acme", "shop", strings.TrimPrefix(ref, "refs/"))
		r, ok, err := Lookup(r, err)
		if ok && r.GetObject().GetSHA() != sha {
			return nil, false, fmt.Errorf("ref %s points at %s, not %s", ref, r.GetObject().GetSHA(), sha)
		}
		return r, ok, err
	}
	create := func(ctx context.Context) (*github.Reference, error) {
		r, _, err := c.Git.CreateRef(ctx, "acme", "shop", &github.Reference{Ref: &ref, Object: &github.GitObject{SHA: &sha}})
		return r, err
	}
	return Ensure(ctx, find, create)
}

// ensureTag makes the annotated tag name on sha: a tag object, then the ref to it. A tag object
// whose ref was never made is unreachable, so making another one is harmless.
func ensureTag(ctx context.Context, c *github.Client, name, sha, message string) (*github.Reference, error) {
	find := func(ctx context.Context) (*github.Reference, bool, error) {
		r, _, err := c.Git.GetRef(ctx, "acme", "shop", "tags/"+name)
		return Lookup(r, err)
	}
	create := func(ctx context.Context) (*github.Reference, error) {
		tag, _, err := c.Git.CreateTag(ctx, "acme", "shop", &github.Tag{Tag: &name, Message: &message,
			Object: &github.GitObject{Type: github.String("commit"), SHA: &sha}})
		if err != nil {
			return nil, err
		}
		r, _, err := c.Git.CreateRef(ctx, "acme", "shop", &github.Reference{Ref: github.String("refs/tags/" + name), Object: &github.GitObject{SHA: tag.SHA}})
		return r, err
	}
	return Ensure(ctx, find, create)
}

// ensureLabel makes the repository label name.
func ensureLabel(ctx context.Context, c *github.Client, name string) (*github.Label, error) {
	find := func(ctx context.Context) (*github.Label, bool, error) {
		l, _, err := c.Issues.GetLabel(ctx, "acme", "shop", name)
		return Lookup(l, err)
	}
	create := func(ctx context.Context) (*github.Label, error) {
		l, _, err := c.Issues.CreateLabel(ctx, "acme", "shop", &github.Label{Name: &name, Color: github.String("d73a4a")})
		return l, err
	}
	return Ensure(ctx, find, create)
}

// marker is the hidden marker that identifies an object the toolkit made.
func marker(key string) string { return "<!-- hotfix:test key=" + key + " -->" }

// ensureIssue makes the issue whose body carries key's marker.
func ensureIssue(ctx context.Context, c *github.Client, key, title string) (*github.Issue, error) {
	find := func(ctx context.Context) (*github.Issue, bool, error) {
		opts := &github.IssueListByRepoOptions{State: "all", ListOptions: github.ListOptions{PerPage: 100}}
		for {
			issues, resp, err := c.Issues.ListByRepo(ctx, "acme", "shop", opts)
			if err != nil {
				return nil, false, err
			}
			for _, is := range issues {
				if strings.Contains(is.GetBody(), marker(key)) {
					return is, true, nil
				}
			}
			if resp.NextPage == 0 {
				return nil, false, nil
			}
			opts.Page = resp.NextPage
		}
	}
	create := func(ctx context.Context) (*github.Issue, error) {
		body := "Tracking.\n\n" + marker(key)
		is, _, err := c.Issues.Create(ctx, "acme", "shop", &github.IssueRequest{Title: &title, Body: &body})
		return is, err
	}
	return Ensure(ctx, find, create)
}

// ensureComment makes the comment on issue number whose body carries key's marker.
func ensureComment(ctx context.Context, c *github.Client, number int, key string) (*github.IssueComment, error) {
	find := func(ctx context.Context) (*github.IssueComment, bool, error) {
		comments, err := allComments(ctx, c, number)
		for _, cm := range comments {
			if strings.Contains(cm.GetBody(), marker(key)) {
				return cm, true, nil
			}
		}
		return nil, false, err
	}
	create := func(ctx context.Context) (*github.IssueComment, error) {
		body := "Update.\n\n" + marker(key)
		cm, _, err := c.Issues.CreateComment(ctx, "acme", "shop", number, &github.IssueComment{Body: &body})
		return cm, err
	}
	return Ensure(ctx, find, create)
}

// allComments lists every comment on issue number, page by page.
func allComments(ctx context.Context, c *github.Client, number int) ([]*github.IssueComment, error) {
	var all []*github.IssueComment
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		page, resp, err := c.Issues.ListComments(ctx, "acme", "shop", number, opts)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if resp.NextPage == 0 {
			return all, nil
		}
		opts.Page = resp.NextPage
	}
}
