package contract

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Allowance excuses one known difference between GitHub's real behaviour and
// its description. Method, Path, Status and Pointer must all match; in
// Pointer, a "*" segment matches any one segment (an array index). When
// Shape is set, the value at Pointer must also match that schema, so the
// entry excuses one precise alternative, not any value.
type Allowance struct {
	Method  string
	Path    string // the description's template
	Status  int    // the response status, or 0 for the request
	Pointer string // the JSON pointer of the field, "" for the whole body
	Shape   string // an OpenAPI schema object, as JSON; "" for any value
	Reason  string
}

// bareLabelArray is why a bare JSON array of label names is allowed.
const bareLabelArray = "GitHub accepts the label names as a bare JSON array, which is what go-github v60 " +
	"sends (IssuesService.AddLabelsToIssue, ReplaceLabelsForIssue); the description lists only " +
	`{"labels": [...]} objects`

// labelNames is the shape of a bare array of label names.
const labelNames = `{"type": "array", "items": {"type": "string"}}`

// allowlist is every known difference. Keep it short: each entry is a place
// where GitHub's description is wrong, not where a server is.
var allowlist = []Allowance{
	{Method: "POST", Path: "/repos/{owner}/{repo}/issues/{issue_number}/labels", Pointer: "", Shape: labelNames, Reason: bareLabelArray},
	{Method: "PUT", Path: "/repos/{owner}/{repo}/issues/{issue_number}/labels", Pointer: "", Shape: labelNames, Reason: bareLabelArray},
}

// allowance is an Allowance with its shape parsed.
type allowance struct {
	Allowance
	shape *openapi3.Schema
}

// compile parses the shapes of the allow-list.
func compile(list []Allowance) ([]allowance, error) {
	out := make([]allowance, len(list))
	for i, a := range list {
		out[i].Allowance = a
		if a.Shape == "" {
			continue
		}
		out[i].shape = &openapi3.Schema{}
		if err := json.Unmarshal([]byte(a.Shape), out[i].shape); err != nil {
			return nil, fmt.Errorf("allow-list entry %s %s: shape: %w", a.Method, a.Path, err)
		}
	}
	return out, nil
}

// excuse drops the violations the allow-list covers and returns the rest as
// an error, or nil when none is left. The bodies are the request's and the
// response's, for the entries with a shape.
func (c *Checker) excuse(found []Violation, reqBody, respBody []byte) error {
	var left Violations
	for _, v := range found {
		body := respBody
		if v.Status == 0 {
			body = reqBody
		}
		if !c.allows(v, body) {
			left = append(left, v)
		}
	}
	if len(left) == 0 {
		return nil
	}
	return left
}

// allows reports whether an allow-list entry matches v exactly.
func (c *Checker) allows(v Violation, body []byte) bool {
	for _, a := range c.allowed {
		if a.Method == v.Method && a.Path == v.Path && a.Status == v.Status && pointerMatches(a.Pointer, v.Pointer) && a.fits(body, v.Pointer) {
			return true
		}
	}
	return false
}

// fits reports whether the value at pointer in body matches the shape.
func (a allowance) fits(body []byte, pointer string) bool {
	if a.shape == nil {
		return true
	}
	value, err := decodeJSON(body)
	if err != nil {
		return false
	}
	value, ok := at(value, pointer)
	return ok && a.shape.VisitJSON(value) == nil
}

// at resolves a JSON pointer in a decoded value.
func at(v any, pointer string) (any, bool) {
	if pointer == "" {
		return v, true
	}
	unescape := strings.NewReplacer("~1", "/", "~0", "~")
	for _, seg := range strings.Split(pointer, "/")[1:] {
		seg = unescape.Replace(seg)
		switch t := v.(type) {
		case map[string]any:
			next, ok := t[seg]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			i, err := strconv.Atoi(seg)
			if err != nil || i < 0 || i >= len(t) {
				return nil, false
			}
			v = t[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// pointerMatches compares JSON pointers segment by segment, "*" matching
// any one segment.
func pointerMatches(pattern, pointer string) bool {
	ps, vs := strings.Split(pattern, "/"), strings.Split(pointer, "/")
	if len(ps) != len(vs) {
		return false
	}
	for i := range ps {
		if ps[i] != "*" && ps[i] != vs[i] {
			return false
		}
	}
	return true
}
