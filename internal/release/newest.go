package release

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/incident-hotfix/incident-hotfix/internal/identity"
)

// newestQuery asks for the tags whose commits are the newest, newest first, and in the same
// request the branches under a prefix (the maintenance branches, which the backport's targets
// need), so that a merge lists them with no request of its own.
// https://docs.github.com/graphql/reference/objects#repository (refs) and
// https://docs.github.com/graphql/reference/enums#reforderfield (TAG_COMMIT_DATE)
const newestQuery = `query($owner: String!, $name: String!, $prefix: String!, $first: Int!, $branches: String!) {
  repository(owner: $owner, name: $name) {
    refs(refPrefix: $prefix, first: $first, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
      totalCount
      nodes { name target { __typename oid ... on Commit { committedDate } ... on Tag { target { __typename oid ... on Commit { committedDate } } } } }
    }
    branches: refs(refPrefix: $branches, first: 100) { totalCount nodes { name } }
  }
}`

// datedTag is a tag name with the commit it names and that commit's date.
type datedTag struct {
	Name, Commit string
	Date         time.Time
}

// newestPage is the newest tags and how many tags there are in all, and the branches whose
// names start with the maintenance glob's literal part; BranchesRead is false when there were
// more than one answer holds.
type newestPage struct {
	Tags         []datedTag
	Total        int
	Branches     []string
	BranchesRead bool
}

// Complete reports whether the page holds every tag under the prefix.
func (p newestPage) Complete() bool { return len(p.Tags) >= p.Total }

// Oldest is the date of the oldest commit on the page: every tag left off names a commit no newer.
func (p newestPage) Oldest() time.Time {
	if len(p.Tags) == 0 {
		return time.Time{}
	}
	return p.Tags[len(p.Tags)-1].Date
}

// refNode is one ref of GitHub's GraphQL answer: a commit, or an annotated tag on one.
type refNode struct {
	Name   string `json:"name"`
	Target struct {
		Typename      string    `json:"__typename"`
		OID           string    `json:"oid"`
		CommittedDate time.Time `json:"committedDate"`
		Target        *struct {
			Typename      string    `json:"__typename"`
			OID           string    `json:"oid"`
			CommittedDate time.Time `json:"committedDate"`
		} `json:"target"`
	} `json:"target"`
}

// newestAnswer is GitHub's GraphQL answer to newestQuery.
type newestAnswer struct {
	Data struct {
		Repository *struct {
			Refs struct {
				TotalCount int       `json:"totalCount"`
				Nodes      []refNode `json:"nodes"`
			} `json:"refs"`
			Branches struct {
				TotalCount int `json:"totalCount"`
				Nodes      []struct {
					Name string `json:"name"`
				} `json:"nodes"`
			} `json:"branches"`
		} `json:"repository"`
	} `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

// newestTags reads the first tags whose names start with prefix, newest commit first, and the
// branches whose names start with branches: one GraphQL request. The ref prefixes are
// refs/tags/ and refs/heads/ with the directories of prefix and branches (refs/tags/api/ for
// api/v), since GitHub takes a ref prefix that ends in a slash.
func newestTags(ctx context.Context, c *github.Client, repo Repo, prefix, branches string, first int) (newestPage, error) {
	dir := "refs/tags/" + directory(prefix)
	heads := "refs/heads/" + directory(branches)
	vars := map[string]any{"owner": repo.Owner, "name": repo.Name, "prefix": dir, "first": first, "branches": heads}
	req, err := c.NewRequest(http.MethodPost, identity.GraphQLURL(c.BaseURL), map[string]any{"query": newestQuery, "variables": vars})
	if err != nil {
		return newestPage{}, fmt.Errorf("list the newest tags in %s: %w", repo, err)
	}
	var ans newestAnswer
	if _, err := c.Do(ctx, req, &ans); err != nil {
		return newestPage{}, fmt.Errorf("list the newest tags in %s: %w", repo, err)
	}
	if len(ans.Errors) > 0 || ans.Data.Repository == nil {
		return newestPage{}, fmt.Errorf("list the newest tags in %s: %s", repo, graphQLProblem(ans))
	}
	refs := ans.Data.Repository.Refs
	page := newestPage{Total: refs.TotalCount}
	for _, n := range refs.Nodes {
		page.Tags = append(page.Tags, n.dated(strings.TrimPrefix(dir, "refs/tags/")))
	}
	b := ans.Data.Repository.Branches
	// With no literal part (no glob, or "*"), every branch would match: the caller lists them.
	page.BranchesRead = len(b.Nodes) >= b.TotalCount && branches != ""
	for _, n := range b.Nodes {
		if name := strings.TrimPrefix(heads, "refs/heads/") + n.Name; strings.HasPrefix(name, branches) {
			page.Branches = append(page.Branches, name)
		}
	}
	return page, nil
}

// directory is the part of a name prefix up to and with its last slash: "" for "v", "api/"
// for "api/v".
func directory(prefix string) string { return prefix[:strings.LastIndex(prefix, "/")+1] }

// dated is the node as a tag of the commit it peels to, its name under refs/tags/.
func (n refNode) dated(dir string) datedTag {
	t := datedTag{Name: dir + n.Name, Commit: n.Target.OID, Date: n.Target.CommittedDate}
	if n.Target.Typename == "Tag" && n.Target.Target != nil {
		t.Commit, t.Date = n.Target.Target.OID, n.Target.Target.CommittedDate
	}
	return t
}

// graphQLProblem is the first error of an answer, or says that it named no repository.
func graphQLProblem(ans newestAnswer) string {
	if len(ans.Errors) > 0 {
		return ans.Errors[0].Message
	}
	return "the answer names no repository"
}
