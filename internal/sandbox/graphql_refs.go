package sandbox

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// refsQuery matches a query for a repository's refs: repository(owner:, name:) { refs(...) },
// the connection perhaps under an alias (tags: refs(...)).
var refsQuery = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)repository\s*\(([^)]*)\)\s*\{\s*(?:[_A-Za-z][_0-9A-Za-z]*\s*:\s*)?refs\s*\(([^)]*)\)`)
})

// refsField matches each refs connection of the query: its alias when it has one, and its
// argument list.
var refsField = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)(?:([_A-Za-z][_0-9A-Za-z]*)\s*:\s*)?\brefs\s*\(([^)]*)\)`)
})

// graphQLArg matches one argument: a name, then a variable, a string, a number or an object.
var graphQLArg = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`([_A-Za-z][_0-9A-Za-z]*)\s*:\s*(\$[_A-Za-z][_0-9A-Za-z]*|"(?:[^"\\]|\\.)*"|-?[0-9]+|\{[^}]*\})`)
})

// orderField and orderDirection read a RefOrder object.
var (
	orderField     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`field\s*:\s*([A-Z_]+)`) })
	orderDirection = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`direction\s*:\s*([A-Z]+)`) })
)

// maxConnection is the most nodes a GraphQL connection gives at once, as on GitHub.
const maxConnection = 100

// refsArgs are the arguments of the refs connection that the sandbox serves.
type refsArgs struct {
	owner, name, prefix, field, direction string
	first                                 int
}

// graphqlRefs answers repository(owner:, name:) { refs(refPrefix:, first:, orderBy:) { totalCount
// nodes { name target { __typename oid ... on Commit { committedDate } ... on Tag { target {
// __typename oid ... on Commit { committedDate } } } } } } }: the refs under refPrefix, named
// without it, in ALPHABETICAL order or by TAG_COMMIT_DATE, the date of the commit a tag peels to.
// Several refs connections, each under its own alias (tags: refs(...) branches: refs(...)), are
// answered in one response, as GitHub does.
// https://docs.github.com/graphql/reference/objects#repository
// https://docs.github.com/graphql/guides/forming-calls-with-graphql#about-queries (aliases)
func (s *Server) graphqlRefs(w http.ResponseWriter, req graphQLRequest) error {
	repo := map[string]any{}
	for _, field := range refsField().FindAllStringSubmatch(req.Query, -1) {
		a, bad := parseRefsArgs(req, field[2])
		if bad != "" {
			return writeJSON(w, http.StatusOK, map[string]any{"errors": []graphQLError{{Type: "INVALID_ARGUMENT", Message: bad}}})
		}
		if !s.isRepo(a.owner, a.name) {
			return writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"repository": nil}, "errors": []graphQLError{{Type: "NOT_FOUND", Path: []string{"repository"},
				Message: fmt.Sprintf("Could not resolve to a Repository with the name '%s/%s'.", a.owner, a.name)}}})
		}
		refs, err := s.git.datedRefs(a.prefix)
		if err != nil {
			return err
		}
		sortRefs(refs, a.field, a.direction)
		repo[cmp.Or(field[1], "refs")] = map[string]any{"totalCount": len(refs), "nodes": refNodes(refs[:min(a.first, len(refs))], a.prefix)}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"repository": repo}})
}

// parseRefsArgs reads the arguments of repository and of one refs connection (refs, its
// argument list), with variables, or says what is wrong.
func parseRefsArgs(req graphQLRequest, refs string) (refsArgs, string) {
	m := refsQuery().FindStringSubmatch(req.Query)
	args := map[string]string{}
	for _, part := range []string{m[1], refs} {
		for _, am := range graphQLArg().FindAllStringSubmatch(part, -1) {
			args[am[1]] = argValue(am[2], req.Variables)
		}
	}
	a := refsArgs{owner: args["owner"], name: args["name"], prefix: args["refPrefix"], field: "ALPHABETICAL", direction: "ASC"}
	if f := orderField().FindStringSubmatch(args["orderBy"]); f != nil {
		a.field = f[1]
	}
	if d := orderDirection().FindStringSubmatch(args["orderBy"]); d != nil {
		a.direction = d[1]
	}
	n, err := strconv.Atoi(args["first"])
	a.first = n
	switch {
	case !strings.HasPrefix(a.prefix, "refs/") || !strings.HasSuffix(a.prefix, "/"):
		return a, fmt.Sprintf("refPrefix %q must name a ref namespace ending in /, such as refs/tags/", a.prefix)
	case err != nil || n < 0 || n > maxConnection:
		return a, fmt.Sprintf("Requesting %s records on the `refs` connection exceeds the `first` limit of %d records.", args["first"], maxConnection)
	case a.field != "ALPHABETICAL" && a.field != "TAG_COMMIT_DATE", a.direction != "ASC" && a.direction != "DESC":
		return a, fmt.Sprintf("orderBy {field: %s, direction: %s} is not a RefOrder: field is ALPHABETICAL or TAG_COMMIT_DATE, direction ASC or DESC", a.field, a.direction)
	}
	return a, ""
}

// argValue is a literal's value, or the variable's.
func argValue(lit string, vars map[string]any) string {
	switch {
	case strings.HasPrefix(lit, "$"):
		v := vars[lit[1:]]
		if f, ok := v.(float64); ok {
			return strconv.FormatFloat(f, 'f', -1, 64)
		}
		return fmt.Sprint(v)
	case strings.HasPrefix(lit, `"`):
		var out string
		if json.Unmarshal([]byte(lit), &out) == nil {
			return out
		}
	}
	return lit
}

// datedRef is a ref with the object it names and, when that peels to a commit, its date.
type datedRef struct {
	refEntry
	commit string
	date   time.Time
}

// datedRefs lists the refs under prefix with the commit each peels to and its committer date.
func (g *gitRepo) datedRefs(prefix string) ([]datedRef, error) {
	out, err := g.run(context.Background(), nil, "for-each-ref",
		"--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(committerdate:unix)%00%(*committerdate:unix)", prefix)
	if err != nil {
		return nil, fmt.Errorf("list refs: %w", err)
	}
	var list []datedRef
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\x00")
		if len(f) != 6 {
			continue
		}
		r := datedRef{refEntry: refEntry{name: f[0], sha: f[1], kind: f[2]}, commit: cmp.Or(f[3], f[1])}
		if unix, err := strconv.ParseInt(cmp.Or(f[5], f[4]), 10, 64); err == nil {
			r.date = time.Unix(unix, 0).UTC()
		}
		list = append(list, r)
	}
	return list, nil
}

// sortRefs orders refs by name or by commit date then name, ascending or descending.
func sortRefs(refs []datedRef, field, direction string) {
	slices.SortStableFunc(refs, func(a, b datedRef) int {
		c := 0
		if field == "TAG_COMMIT_DATE" {
			c = a.date.Compare(b.date)
		}
		c = cmp.Or(c, strings.Compare(a.name, b.name))
		if direction == "DESC" {
			return -c
		}
		return c
	})
}

// refNodes shapes refs as GitHub's Ref nodes, named without prefix.
func refNodes(refs []datedRef, prefix string) []map[string]any {
	nodes := []map[string]any{}
	for _, r := range refs {
		commit := map[string]any{"__typename": "Commit", "oid": r.commit, "committedDate": r.date.Format(time.RFC3339)}
		target := commit
		if r.kind == "tag" {
			target = map[string]any{"__typename": "Tag", "oid": r.sha, "target": commit}
		}
		nodes = append(nodes, map[string]any{"name": strings.TrimPrefix(r.name, prefix), "target": target})
	}
	return nodes
}
