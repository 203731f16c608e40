// Package contract checks HTTP requests and responses against GitHub's
// published REST API description, the OpenAPI document in the npm package
// @octokit/openapi (MIT).
//
// The package embeds the subset of that description the toolkit uses
// (testdata/api.github.com.subset.json, written by scripts/openapi-subset),
// so checks run offline. A Checker validates one exchange with Check, or
// every exchange through a handler or a client with Middleware and
// Transport; RequestMiddleware checks only what clients send. Known
// differences between GitHub's real behaviour and its description are
// listed, each with a reason, in allowlist.go.
package contract

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

//go:embed testdata/api.github.com.subset.json
var description []byte

// Checker validates exchanges against the embedded description.
type Checker struct {
	doc       *openapi3.T
	router    routers.Router
	templates map[string]string // router template → the description's template
	allowed   []allowance
}

// loaded is the one Checker that Load returns.
var loaded = sync.OnceValues(load)

// Load returns a Checker for the embedded description, parsed once per
// process. A Checker is safe for concurrent use.
func Load() (*Checker, error) {
	return loaded()
}

// load parses the embedded description and builds its router.
func load() (*Checker, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(description)
	if err != nil {
		return nil, fmt.Errorf("load GitHub's API description: %w", err)
	}
	router, templates, err := newRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("route GitHub's API description: %w", err)
	}
	allowed, err := compile(allowlist)
	if err != nil {
		return nil, err
	}
	return &Checker{doc: doc, router: router, templates: templates, allowed: allowed}, nil
}

// Check validates the request, then the response when resp is not nil. It
// returns nil or a Violations error naming the method, path, status and
// JSON pointer of every difference that the allow-list does not excuse.
func (c *Checker) Check(req *http.Request, reqBody []byte, resp *http.Response, respBody []byte) error {
	if req.URL.Path == graphQLPath {
		return checkGraphQL(req, reqBody)
	}
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		return Violations{{Method: req.Method, Path: req.URL.Path, Part: "route", Reason: "no operation in GitHub's description: " + err.Error()}}
	}
	ex := exchange{method: req.Method, path: c.templates[route.Path]}
	if ex.path == "" {
		ex.path = route.Path
	}
	input := &openapi3filter.RequestValidationInput{
		Request:    withBody(req, reqBody),
		PathParams: params,
		Route:      route,
		Options:    &openapi3filter.Options{MultiError: true, AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	}
	found := ex.violations(openapi3filter.ValidateRequest(context.Background(), input))
	if resp != nil {
		ex.status = resp.StatusCode
		found = append(found, c.checkResponse(ex, input, resp, respBody)...)
	}
	return c.excuse(found, reqBody, respBody)
}

// anywhere are the error statuses GitHub may answer on any endpoint, though
// most operations do not list them: bad credentials, forbidden or rate
// limited, not found (also GitHub's answer for a private repository),
// too many requests, and server failures.
var anywhere = map[int]bool{401: true, 403: true, 404: true, 429: true, 500: true, 502: true, 503: true}

// checkResponse validates a response. A documented status is checked
// against its description; an undocumented status from anywhere against
// GitHub's common error body, basic-error. Any other undocumented status
// is a violation.
func (c *Checker) checkResponse(ex exchange, in *openapi3filter.RequestValidationInput, resp *http.Response, body []byte) []Violation {
	op := in.Route.Operation
	if op.Responses.Status(resp.StatusCode) == nil && op.Responses.Default() == nil && anywhere[resp.StatusCode] {
		return ex.violations(c.checkErrorBody(body))
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 resp.StatusCode,
		Header:                 resp.Header,
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options:                &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true},
	}
	return ex.violations(openapi3filter.ValidateResponse(context.Background(), out))
}

// checkErrorBody validates an error body against basic-error.
func (c *Checker) checkErrorBody(body []byte) error {
	schema := c.doc.Components.Schemas["basic-error"]
	if schema == nil {
		return errors.New("basic-error is not in the description")
	}
	value, err := decodeJSON(body)
	if err != nil {
		return err
	}
	return schema.Value.VisitJSON(value, openapi3.MultiErrors(), openapi3.VisitAsResponse())
}

// withBody returns a shallow copy of req whose body reads data.
func withBody(req *http.Request, data []byte) *http.Request {
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(data))
	r.ContentLength = int64(len(data))
	return r
}
