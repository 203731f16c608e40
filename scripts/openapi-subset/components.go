package main

import (
	"fmt"
	"sort"
	"strings"
)

// componentKinds are the sections of components a subset may need.
var componentKinds = []string{"schemas", "parameters", "responses", "headers", "examples", "requestBodies"}

// reachable returns the components that the kept paths reference, directly
// or through other components, with their prose stripped.
func reachable(full, paths document) (document, error) {
	src, _ := full["components"].(document)
	out := document{}
	queue := refs(paths)
	seen := map[string]bool{}
	for len(queue) > 0 {
		ref := queue[0]
		queue = queue[1:]
		if seen[ref] {
			continue
		}
		seen[ref] = true
		kind, name, err := splitRef(ref)
		if err != nil {
			return nil, err
		}
		section, _ := src[kind].(document)
		value, ok := section[name]
		if !ok {
			return nil, fmt.Errorf("reference %s has no target", ref)
		}
		value = strip(value, false)
		if kind == "responses" {
			value = describe(value)
		}
		put(out, kind, name, value)
		queue = append(queue, refs(value)...)
	}
	return out, nil
}

// put stores value under out[kind][name].
func put(out document, kind, name string, value any) {
	section, _ := out[kind].(document)
	if section == nil {
		section = document{}
		out[kind] = section
	}
	section[name] = value
}

// splitRef splits "#/components/KIND/NAME" into its kind and name.
func splitRef(ref string) (string, string, error) {
	parts := strings.Split(strings.TrimPrefix(ref, "#/components/"), "/")
	if !strings.HasPrefix(ref, "#/components/") || len(parts) != 2 {
		return "", "", fmt.Errorf("reference %s is not #/components/KIND/NAME", ref)
	}
	for _, k := range componentKinds {
		if parts[0] == k {
			return parts[0], parts[1], nil
		}
	}
	return "", "", fmt.Errorf("reference %s: kind %q is not one of %s", ref, parts[0], strings.Join(componentKinds, ", "))
}

// refs lists every $ref inside v, sorted so the walk is stable.
func refs(v any) []string {
	var found []string
	var walk func(any)
	walk = func(v any) {
		switch t := v.(type) {
		case document:
			if r, ok := t["$ref"].(string); ok {
				found = append(found, r)
			}
			for _, child := range t {
				walk(child)
			}
		case []any:
			for _, child := range t {
				walk(child)
			}
		}
	}
	walk(v)
	sort.Strings(found)
	return found
}

// prose lists the keys that carry documentation rather than contract.
var prose = map[string]bool{
	"description": true, "summary": true, "externalDocs": true,
	"example": true, "examples": true, "tags": true,
}

// strip returns a copy of v without prose keys and without vendor extensions
// other than x-multi-segment. Inside a schema's "properties" the keys are
// property names (a label has a "description"), so they are kept.
func strip(v any, propertyNames bool) any {
	switch t := v.(type) {
	case document:
		out := document{}
		for k, child := range t {
			if !propertyNames && dropped(k) {
				continue
			}
			out[k] = strip(child, k == "properties" && !propertyNames)
			if k == "responses" && !propertyNames {
				out[k] = describeAll(out[k])
			}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, child := range t {
			out[i] = strip(child, false)
		}
		return out
	}
	return v
}

// dropped reports whether an object key is prose or an unneeded extension.
func dropped(key string) bool {
	if key == "x-multi-segment" {
		return false
	}
	return prose[key] || strings.HasPrefix(key, "x-")
}

// describe gives a response object the one description OpenAPI requires of
// it, now that its prose is gone; a $ref is left as it is.
func describe(response any) any {
	r, ok := response.(document)
	if ok && r["$ref"] == nil {
		r["description"] = "Response"
	}
	return response
}

// describeAll describes every response of an operation's responses map.
func describeAll(responses any) any {
	m, _ := responses.(document)
	for status, r := range m {
		m[status] = describe(r)
	}
	return responses
}
