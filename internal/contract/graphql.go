package contract

import (
	"encoding/json"
	"net/http"
	"strings"
)

// graphQLPath is GitHub's GraphQL endpoint beside the REST API. The REST description does not
// cover it, so its requests are checked for GraphQL's envelope: a JSON object with a query.
// https://docs.github.com/graphql/guides/forming-calls-with-graphql#communicating-with-graphql
const graphQLPath = "/graphql"

// checkGraphQL checks a request to the GraphQL endpoint: POST, with a body that is a JSON object
// holding a non-empty query string (variables and operationName are optional).
func checkGraphQL(req *http.Request, body []byte) error {
	var call struct {
		Query string `json:"query"`
	}
	switch {
	case req.Method != http.MethodPost:
		return Violations{{Method: req.Method, Path: req.URL.Path, Part: "route", Reason: "GitHub's GraphQL API takes POST only"}}
	case json.Unmarshal(body, &call) != nil || strings.TrimSpace(call.Query) == "":
		return Violations{{Method: req.Method, Path: req.URL.Path, Part: "request body", Reason: `a GraphQL call is a JSON object with a non-empty "query"`}}
	}
	return nil
}
