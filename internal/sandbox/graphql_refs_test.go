package sandbox_test

import (
	"context"
	"net/http"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/incident-hotfix/incident-hotfix/internal/gittest"
	"github.com/incident-hotfix/incident-hotfix/internal/sandbox/sandboxtest"
)

// refsAnswer is the part of a refs answer the tests read.
type refsAnswer struct {
	Data struct {
		Repository *struct {
			Refs struct {
				TotalCount int `json:"totalCount"`
				Nodes      []struct {
					Name   string `json:"name"`
					Target struct {
						Typename string `json:"__typename"`
						Target   *struct {
							Typename string `json:"__typename"`
						} `json:"target"`
					} `json:"target"`
				} `json:"nodes"`
			} `json:"refs"`
		} `json:"repository"`
	} `json:"data"`
	Errors []struct {
		Type, Message string
	} `json:"errors"`
}

const refsByDate = `query($prefix: String!, $first: Int!) { repository(owner: "acme", name: $name) {
  refs(refPrefix: $prefix, first: $first, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) {
    totalCount nodes { name target { __typename oid ... on Commit { committedDate } ... on Tag { target { __typename oid ... on Commit { committedDate } } } } } } } }`

func TestGraphQLRefsByCommitDate(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	old := s.Push("main", map[string]string{"a": "1\n"})
	s.Git("tag", "v1.0.0", old)
	cmd := exec.Command("git", "commit-tree", "-p", old, "-m", "later", old+"^{tree}")
	cmd.Dir, cmd.Env = s.Dir, append(slices.Clone(gittest.Env), "GIT_COMMITTER_DATE=2027-01-01T00:00:00Z")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	newer := strings.TrimSpace(string(out))
	s.Git("update-ref", "refs/heads/main", newer)
	s.Git("tag", "-a", "-m", "r", "v0.9.0", newer) // a lower version on a newer commit comes first
	s.Git("tag", "api/v2.0.0", old)
	tests := []struct {
		name   string
		vars   map[string]any
		total  int
		names  []string
		kinds  []string
		errTyp string
	}{
		{"all tags, newest first", map[string]any{"name": "shop", "prefix": "refs/tags/", "first": 2}, 3, []string{"v0.9.0", "v1.0.0"}, []string{"Tag", "Commit"}, ""},
		{"under a directory", map[string]any{"name": "shop", "prefix": "refs/tags/api/", "first": 100}, 1, []string{"v2.0.0"}, []string{"Commit"}, ""},
		{"prefix without a slash", map[string]any{"name": "shop", "prefix": "refs/tags/v", "first": 1}, 0, nil, nil, "INVALID_ARGUMENT"},
		{"more than a connection gives", map[string]any{"name": "shop", "prefix": "refs/tags/", "first": 101}, 0, nil, nil, "INVALID_ARGUMENT"},
		{"another repository", map[string]any{"name": "other", "prefix": "refs/tags/", "first": 1}, 0, nil, nil, "NOT_FOUND"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := s.Client.NewRequest(http.MethodPost, "graphql", map[string]any{"query": refsByDate, "variables": tt.vars})
			if err != nil {
				t.Fatal(err)
			}
			var ans refsAnswer
			if _, err := s.Client.Do(context.Background(), req, &ans); err != nil {
				t.Fatal(err)
			}
			if tt.errTyp != "" {
				if len(ans.Errors) != 1 || ans.Errors[0].Type != tt.errTyp || ans.Errors[0].Message == "" {
					t.Errorf("errors = %+v, want one %s with a message", ans.Errors, tt.errTyp)
				}
				return
			}
			var names, kinds []string
			for _, n := range ans.Data.Repository.Refs.Nodes {
				names, kinds = append(names, n.Name), append(kinds, n.Target.Typename)
				if n.Target.Typename == "Tag" && (n.Target.Target == nil || n.Target.Target.Typename != "Commit") {
					t.Errorf("annotated %s does not peel to a commit: %+v", n.Name, n.Target)
				}
			}
			got := []any{ans.Data.Repository.Refs.TotalCount, names, kinds}
			if diff := cmp.Diff(got, []any{tt.total, tt.names, tt.kinds}); diff != "" {
				t.Errorf("refs (-got +want):\n%s", diff)
			}
		})
	}
}

// TestGraphQLRefsUnderAliases asks for two refs connections in one query, each under an alias,
// as GitHub answers them: each alias holds its own connection.
func TestGraphQLRefsUnderAliases(t *testing.T) {
	t.Parallel()
	s := sandboxtest.Start(t, sandboxtest.Options{})
	main := s.Push("main", map[string]string{"a": "1\n"})
	s.Git("tag", "v1.0.0", main)
	s.Push("release/1.1", map[string]string{"a": "2\n"}, "main")
	s.Push("release/1.2", map[string]string{"a": "3\n"}, "main")
	query := `query { repository(owner: "acme", name: "shop") {
  tags: refs(refPrefix: "refs/tags/", first: 10, orderBy: {field: TAG_COMMIT_DATE, direction: DESC}) { totalCount nodes { name } }
  branches: refs(refPrefix: "refs/heads/release/", first: 1) { totalCount nodes { name } } } }`
	req, err := s.Client.NewRequest(http.MethodPost, "graphql", map[string]any{"query": query})
	if err != nil {
		t.Fatal(err)
	}
	type conn struct {
		TotalCount int `json:"totalCount"`
		Nodes      []struct {
			Name string `json:"name"`
		} `json:"nodes"`
	}
	var ans struct {
		Data struct {
			Repository struct {
				Tags     conn `json:"tags"`
				Branches conn `json:"branches"`
			} `json:"repository"`
		} `json:"data"`
	}
	if _, err := s.Client.Do(context.Background(), req, &ans); err != nil {
		t.Fatal(err)
	}
	r := ans.Data.Repository
	got := []any{r.Tags.TotalCount, len(r.Tags.Nodes), r.Branches.TotalCount, len(r.Branches.Nodes)}
	if diff := cmp.Diff(got, []any{1, 1, 2, 1}); diff != "" || r.Branches.Nodes[0].Name != "1.1" {
		t.Errorf("tags and branches (-got +want):\n%s\nfirst branch %+v", diff, r.Branches.Nodes)
	}
}
