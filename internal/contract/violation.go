package contract

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// Violation is one difference between an exchange and the description.
type Violation struct {
	Method  string // the request's method
	Path    string // the description's path template, or the request path when none matched
	Status  int    // the response status; 0 for a request violation
	Part    string // "request body", "query parameter per_page", "response body", …
	Pointer string // JSON pointer into the body, "" for the whole value
	Reason  string
}

// Error formats the violation as METHOD PATH [STATUS]: PART POINTER: REASON.
func (v Violation) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", v.Method, v.Path)
	if v.Status != 0 {
		fmt.Fprintf(&b, " → %d", v.Status)
	}
	fmt.Fprintf(&b, ": %s", v.Part)
	if v.Pointer != "" {
		fmt.Fprintf(&b, " %s", v.Pointer)
	}
	fmt.Fprintf(&b, ": %s", v.Reason)
	return b.String()
}

// Violations is every difference found in one exchange.
type Violations []Violation

// Error lists the violations one a line.
func (vs Violations) Error() string {
	lines := make([]string, len(vs))
	for i, v := range vs {
		lines[i] = v.Error()
	}
	return strings.Join(lines, "\n")
}

// exchange names the request and response being checked.
type exchange struct {
	method, path string
	status       int
}

// violations flattens an error from kin-openapi into violations.
func (ex exchange) violations(err error) []Violation {
	if err == nil {
		return nil
	}
	if multi, ok := err.(openapi3.MultiError); ok {
		var out []Violation
		for _, e := range multi {
			out = append(out, ex.violations(e)...)
		}
		return out
	}
	part, inner := ex.part(err)
	return ex.schemaViolations(part, inner)
}

// schemaViolations turns a schema error, or a MultiError of them, into
// violations of part.
func (ex exchange) schemaViolations(part string, err error) []Violation {
	multi, ok := err.(openapi3.MultiError)
	if !ok {
		if vs := ex.composite(part, err); len(vs) > 0 {
			return vs
		}
		return []Violation{ex.schemaViolation(part, err)}
	}
	var out []Violation
	for _, e := range multi {
		out = append(out, ex.schemaViolations(part, e)...)
	}
	return out
}

// part names where err was found and returns the error beneath it.
func (ex exchange) part(err error) (string, error) {
	var reqErr *openapi3filter.RequestError
	if errors.As(err, &reqErr) {
		return requestPart(reqErr), unwrapOr(reqErr.Err, reqErr)
	}
	var respErr *openapi3filter.ResponseError
	if errors.As(err, &respErr) {
		if respErr.Err == nil {
			return "response", respErr
		}
		return "response body", respErr.Err
	}
	if ex.status != 0 {
		return "response body", err
	}
	return "request", err
}

// requestPart names the parameter or body a request error is about.
func requestPart(err *openapi3filter.RequestError) string {
	if p := err.Parameter; p != nil {
		return fmt.Sprintf("%s parameter %s", p.In, p.Name)
	}
	return "request body"
}

// unwrapOr returns inner, or outer when inner is nil.
func unwrapOr(inner, outer error) error {
	if inner == nil {
		return outer
	}
	return inner
}

// schemaViolation builds a violation, with the JSON pointer when err is a
// schema error.
func (ex exchange) schemaViolation(part string, err error) Violation {
	v := Violation{Method: ex.method, Path: ex.path, Status: ex.status, Part: part, Reason: err.Error()}
	var schemaErr *openapi3.SchemaError
	if errors.As(err, &schemaErr) {
		v.Pointer = pointer(schemaErr.JSONPointer())
		v.Reason = schemaErr.Reason
	}
	return v
}

// decodeJSON decodes a body for schema validation.
func decodeJSON(body []byte) (any, error) {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, fmt.Errorf("decode body as JSON: %w", err)
	}
	return v, nil
}

// pointer formats path segments as an RFC 6901 JSON pointer.
func pointer(segments []string) string {
	escape := strings.NewReplacer("~", "~0", "/", "~1")
	var b strings.Builder
	for _, s := range segments {
		b.WriteString("/" + escape.Replace(s))
	}
	return b.String()
}
