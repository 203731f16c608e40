package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
)

// graphQLDoc is the documentation_url of GitHub's GraphQL API.
const graphQLDoc = "https://docs.github.com/graphql"

// routesGraphQL registers the GraphQL endpoint.
func (s *Server) routesGraphQL() {
	s.route("POST /graphql", s.graphql)
}

// graphQLRequest is a GraphQL call's body.
type graphQLRequest struct {
	Query     string         `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
}

// graphQLError is one entry of a GraphQL answer's errors, as GitHub words them.
type graphQLError struct {
	Type       string         `json:"type,omitempty"`
	Path       []string       `json:"path,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
	Locations  []graphQLPlace `json:"locations,omitempty"`
	Message    string         `json:"message"`
}

// graphQLPlace is a line and column in a query.
type graphQLPlace struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// viewerQuery matches the one query the sandbox answers: the viewer's login and databaseId, in
// any order, with or without the query keyword and an operation name.
var viewerQuery = regexp.MustCompile(`^\s*(?:query\s*(?:[_A-Za-z][_0-9A-Za-z]*)?\s*)?\{\s*viewer\s*\{((?:\s*[_A-Za-z][_0-9A-Za-z]*\s*,?)+)\}\s*\}\s*$`)

// viewerFields are the fields of the viewer that the sandbox knows.
var viewerFields = map[string]bool{"login": true, "databaseId": true}

// graphql answers POST /graphql: query { viewer { login databaseId } } with the token's account,
// as GitHub does for every token kind; any other query gets GitHub's GraphQL error shape (200 with
// errors), since the sandbox serves no other part of the schema.
// https://docs.github.com/graphql/reference/queries#viewer
func (s *Server) graphql(w http.ResponseWriter, r *http.Request) error {
	data, err := io.ReadAll(r.Body)
	var req graphQLRequest
	if err != nil || json.Unmarshal(data, &req) != nil {
		return &apiError{Status: http.StatusBadRequest, Message: "Problems parsing JSON", DocURL: graphQLDoc}
	}
	m := viewerQuery.FindStringSubmatch(req.Query)
	if m == nil {
		return writeJSON(w, http.StatusOK, map[string]any{"errors": []graphQLError{unsupportedQuery()}})
	}
	viewer, bad := s.viewer(r, strings.FieldsFunc(m[1], func(c rune) bool { return c == ',' || c <= ' ' }))
	if bad != nil {
		return writeJSON(w, http.StatusOK, map[string]any{"errors": []graphQLError{*bad}})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"viewer": viewer}})
}

// viewer is the requested fields of the token's account, or the error for a field it lacks.
func (s *Server) viewer(r *http.Request, fields []string) (map[string]any, *graphQLError) {
	u := s.user(s.requester(r))
	out := map[string]any{}
	for _, f := range fields {
		if !viewerFields[f] {
			return nil, &graphQLError{Path: []string{"query", "viewer", f}, Message: "Field '" + f + "' doesn't exist on type 'User'",
				Extensions: map[string]any{"code": "undefinedField", "typeName": "User", "fieldName": f}}
		}
		out[f] = map[string]any{"login": u.GetLogin(), "databaseId": u.GetID()}[f]
	}
	return out, nil
}

// unsupportedQuery is the error for a query outside the part of the schema the sandbox serves.
func unsupportedQuery() graphQLError {
	return graphQLError{Type: "NOT_SUPPORTED", Locations: []graphQLPlace{{Line: 1, Column: 1}},
		Message: "the sandbox answers only query { viewer { login databaseId } }"}
}
